using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Schedly.Functions.Composition;
using Schedly.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemMiddleware>();
builder.Services.AddSchedly(builder.Configuration);
builder.Build().Run();
