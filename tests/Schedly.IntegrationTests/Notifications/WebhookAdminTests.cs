using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Notifications;

/// <summary><c>PUT|DELETE /api/admin/hosts/{host}/webhooks/{id}</c> and <c>GET …/webhooks</c>.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class WebhookAdminTests(SchedlyAppFixture app)
{
    private readonly NotificationHarness _harness = new(app);

    [Fact]
    public async Task PutListDelete_ManagesEndpointsAndNeverShowsTheSecret()
    {
        var (slug, key) = await _harness.Hosts.CreateAsync("wh-admin", NotificationHarness.Intro);

        using var created = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/crm",
            new { url = "https://example.com/hook", events = new[] { "booking.created" }, secret = NotificationHarness.Secret }).WithBearer(key));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Equal("****" + NotificationHarness.Secret[^4..], body.GetProperty("secret").GetString());

        using var replaced = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/crm",
            new { url = "https://example.com/hook2", events = new[] { "booking.created", "booking.cancelled" } }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        using var list = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listText = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(NotificationHarness.Secret, listText, StringComparison.Ordinal);
        var hook = Assert.Single(NotificationHarness.ParseJson(listText).GetProperty("webhooks").EnumerateArray());
        Assert.Equal("https://example.com/hook2", hook.GetProperty("url").GetString());
        Assert.Equal(2, hook.GetProperty("events").GetArrayLength());
        Assert.Equal("****" + NotificationHarness.Secret[^4..], hook.GetProperty("secret").GetString());

        using var deleted = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/webhooks/crm").WithBearer(key));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/webhooks/crm").WithBearer(key));
        await again.AssertProblemAsync(404, "not-found");
        using var empty = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks").WithBearer(key));
        Assert.Equal(0, (await empty.ReadJsonAsync()).GetProperty("webhooks").GetArrayLength());
    }

    [Fact]
    public async Task Put_BadBody_Is400NamingTheFields()
    {
        var (slug, key) = await _harness.Hosts.CreateAsync("wh-bad", NotificationHarness.Intro);

        using var response = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/crm",
            new { url = "ftp://example.com", events = new[] { "booking.exploded" }, secret = "short" }).WithBearer(key));

        var problem = await response.AssertProblemAsync(400, "validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("events", out _));
        Assert.True(errors.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Routes_WithoutKeyOrWithAnotherHostsKey_AreRefused()
    {
        var (slug, _) = await _harness.Hosts.CreateAsync("wh-auth", NotificationHarness.Intro);
        var (_, otherKey) = await _harness.Hosts.CreateAsync("wh-other", NotificationHarness.Intro);

        using var anonymous = await app.Client.GetAsync($"/api/admin/hosts/{slug}/webhooks");
        using var other = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks").WithBearer(otherKey));

        await anonymous.AssertProblemAsync(401, "unauthorized");
        await other.AssertProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task Put_DuplicateUrl_Is400_AndOverTheCap_Is409PolicyViolation()
    {
        var (slug, key) = await _harness.Hosts.CreateAsync("wh-caps", NotificationHarness.Intro);
        Task<HttpResponseMessage> PutAsync(string id, string url) => app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/{id}",
            new { url, events = new[] { "booking.created" }, secret = NotificationHarness.Secret }).WithBearer(key));

        for (var i = 0; i < 10; i++)
        {
            using var created = await PutAsync($"hook{i}", $"https://example.com/hook{i}");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var duplicate = await PutAsync("copy", "HTTPS://EXAMPLE.com:443/hook3");
        var problem = await duplicate.AssertProblemAsync(400, "validation");
        Assert.Contains("hook3", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);

        using var eleventh = await PutAsync("hook10", "https://example.com/hook10");
        var cap = await eleventh.AssertProblemAsync(409, "policy-violation");
        Assert.Contains("at most 10", cap.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var replaced = await PutAsync("hook3", "https://example.com/hook3-moved");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }
}
