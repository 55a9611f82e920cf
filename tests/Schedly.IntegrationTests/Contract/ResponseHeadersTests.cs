using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Contract;

/// <summary>Headers every API response carries, whatever its status: <c>X-Content-Type-Options: nosniff</c>.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class ResponseHeadersTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task EveryKindOfResponse_SaysNosniff()
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("nosniff", new Dictionary<string, object> { ["intro"] = new { title = "Intro" } });
        using var hook = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/crm",
            new { url = "https://example.com/hook", events = new[] { "booking.created" }, secret = new string('s', 32) }).WithBearer(key));

        HttpRequestMessage[] requests =
        [
            new(HttpMethod.Get, "/api/openapi.json"),
            new(HttpMethod.Get, $"/api/hosts/{slug}"),
            new(HttpMethod.Get, "/api/hosts/nobody-here"),
            new(HttpMethod.Get, $"/api/hosts/{slug}/event-types/intro/slots?start=bad"),
            RawJson(HttpMethod.Post, $"/api/hosts/{slug}/event-types/intro/bookings", "{not json"),
            new(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks"),
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks").WithBearer(key),
            new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/webhooks/crm").WithBearer(key),
            new(HttpMethod.Get, "/api/bookings/nobody--aaaaaaaaaaaaaaaaaaaa/calendar.ics?token=x"),
        ];

        var seen = new List<HttpStatusCode>();
        foreach (var request in requests)
        {
            using (request)
            using (var response = await app.Client.SendAsync(request))
            {
                seen.Add(response.StatusCode);
                Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{request.Method} {request.RequestUri} ({(int)response.StatusCode}) has no X-Content-Type-Options");
                Assert.Equal(["nosniff"], values);
            }
        }

        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        Assert.Contains(HttpStatusCode.NoContent, seen);
        Assert.Contains(HttpStatusCode.Unauthorized, seen);
        Assert.Contains(HttpStatusCode.BadRequest, seen);
        Assert.Contains(HttpStatusCode.NotFound, seen);
    }
}
