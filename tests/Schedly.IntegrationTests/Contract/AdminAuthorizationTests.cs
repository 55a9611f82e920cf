using System.Net;
using System.Text.RegularExpressions;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.LocalRunner.Discovery;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Contract;

/// <summary>
/// The authorization model, checked on EVERY admin route the app registers (discovered from the
/// function classes, so a new route is covered without editing this test): no key, a malformed or
/// wrong key and a rotated-out key are 401; a host's key on another host is 403 whether or not that
/// host exists; the operator key gets past authorization.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed partial class AdminAuthorizationTests(SchedlyAppFixture app)
{
    public static TheoryData<string, string> AdminRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in FunctionCatalog.Discover(typeof(SchedlyServiceCollectionExtensions).Assembly).Http
                     .Where(f => f.Route.StartsWith("api/admin/", StringComparison.Ordinal)))
        {
            foreach (var method in function.HttpMethods!)
            {
                data.Add(method.ToUpperInvariant(), function.Route);
            }
        }

        return data;
    }

    [Fact]
    public void AdminRoutes_AreDiscovered() => Assert.True(AdminRoutes().Count() >= 6);

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_EveryKindOfKey_GetsTheRightAnswer(string method, string route)
    {
        var (hostA, keyA, rotatedOutKeyA) = await HostWithRotatedKeyAsync();
        var (hostB, _, _) = await HostWithRotatedKeyAsync();
        var missingHost = SchedlyAppFixture.UniqueSlug("missing");

        await AssertStatusAsync(method, route, hostB, null, 401);
        await AssertStatusAsync(method, route, hostB, "not a key at all", 401);
        await AssertStatusAsync(method, route, hostB, "sk_aaaaaaaaaaaa_" + new string('x', 43), 401);
        await AssertStatusAsync(method, route, hostA, rotatedOutKeyA, 401);
        await AssertStatusAsync(method, route, hostB, keyA, 403);
        await AssertStatusAsync(method, route, missingHost, keyA, 403);
        using var asOperator = await SendAsync(method, route, hostA, SchedlyAppFixture.OperatorKey);
        Assert.NotEqual(HttpStatusCode.Unauthorized, asOperator.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, asOperator.StatusCode);
    }

    private async Task AssertStatusAsync(string method, string route, string host, string? key, int expected)
    {
        using var response = await SendAsync(method, route, host, key);
        Assert.True((int)response.StatusCode == expected, $"{method} {route} on {host}: expected {expected}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> SendAsync(string method, string route, string host, string? key)
    {
        var path = "/" + RouteValue().Replace(route, m => m.Groups[1].Value == "host" ? host : "x1");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        return app.Client.SendAsync(request);
    }

    private async Task<(string Slug, string Key, string RotatedOutKey)> HostWithRotatedKeyAsync()
    {
        var slug = SchedlyAppFixture.UniqueSlug("authz");
        using var created = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        var first = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        using var rotated = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/keys/rotate").WithBearer(first));
        return (slug, (await rotated.ReadJsonAsync()).GetProperty("apiKey").GetString()!, first);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteValue();
}
