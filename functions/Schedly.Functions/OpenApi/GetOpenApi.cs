using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Functions.Http;

namespace Schedly.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3 description of every API route. A test checks it
/// against the functions actually registered, so it cannot drift from the code.
/// </summary>
public sealed class GetOpenApi
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(GetOpenApi).Assembly.GetManifestResourceStream("Schedly.Functions.OpenApi.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Function(nameof(GetOpenApi))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        new TextBody(Document.Value, "application/json; charset=utf-8").WithHeader("Access-Control-Allow-Origin", "*");
}
