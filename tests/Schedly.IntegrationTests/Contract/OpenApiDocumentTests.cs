using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.LocalRunner.Discovery;

namespace Schedly.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document the app serves is valid OpenAPI 3 and describes exactly the API routes
/// (<c>api/…</c>) and methods of the functions that are registered, and every response it
/// promises for errors is problem+json.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class OpenApiDocumentTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task OpenApi_ServedDocument_MatchesRegisteredFunctions()
    {
        using var response = await app.Client.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var settings = new OpenApiReaderSettings();
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.NotNull(document);
        Assert.Empty(diagnostic?.Errors ?? []);
        var documented = document.Paths.SelectMany(path => path.Value.Operations!.Keys.Select(method => $"{method.Method.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal).ToList();
        var registered = FunctionCatalog.Discover(typeof(SchedlyServiceCollectionExtensions).Assembly).Http
            .Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal) && f.Name != "GetOpenApi")
            .SelectMany(f => f.HttpMethods!.Select(m => $"{m.ToUpperInvariant()} /{f.Route}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(registered, documented);
    }

    [Fact]
    public async Task OpenApi_EveryErrorResponse_IsProblemJson()
    {
        using var response = await app.Client.GetAsync("/api/openapi.json");
        var (document, _) = await OpenApiDocument.LoadAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "json", new OpenApiReaderSettings());

        var errors = document!.Paths.Values.SelectMany(p => p.Operations!.Values).SelectMany(o => o.Responses!)
            .Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, r => Assert.Equal(["application/problem+json"], r.Value.Content!.Keys));
    }
}
