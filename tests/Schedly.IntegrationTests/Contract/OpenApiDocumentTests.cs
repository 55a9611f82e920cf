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

    [Fact]
    public async Task OpenApi_ServedDocument_IsTheCheckedInFileThatCiLints()
    {
        // `npm run lint:openapi` (redocly, in .ci/run) lints the checked-in file: it must be exactly what is served.
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "functions", "Schedly.Functions", "OpenApi", "openapi.json"));

        var served = await app.Client.GetStringAsync("/api/openapi.json");

        Assert.Equal(checkedIn, served);
    }

    [Fact]
    public async Task OpenApi_EveryOperation_DeclaresItsSecurity()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/openapi.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Operation: op.Value)))
            .ToList();

        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("security", out _), $"{o.Path} declares no security"));
        string[] Schemes(string path) => [.. operations.Where(o => o.Path == path)
            .SelectMany(o => o.Operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)))
            .Distinct()];
        Assert.Empty(Schemes("/api/hosts/{host}/event-types/{eventType}/bookings"));
        Assert.Empty(Schemes("/api/hosts/{host}/event-types/{eventType}/slots"));
        Assert.Equal(["manageToken"], Schemes("/api/bookings/{id}/cancel"));
        Assert.Equal(["manageTokenQuery"], Schemes("/api/bookings/{id}/calendar.ics"));
        Assert.Equal(["feedToken"], Schemes("/api/hosts/{host}/calendar.ics"));
        Assert.Equal(["bearer", "sessionCookie"], Schemes("/api/admin/hosts/{host}/webhooks/{id}"));
    }
}
