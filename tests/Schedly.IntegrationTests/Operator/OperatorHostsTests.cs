using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.Testing;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Operator;

/// <summary>
/// The operator's routes through the real app: an invitation creates the host and emails it a sign-in link (no key
/// shown), the list shows it, and a suspension closes its booking page and ends its sign-in until it is lifted.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class OperatorHostsTests(SchedlyAppFixture app) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.Client.BaseAddress };

    private string MailFolder => app.Runner.Configuration["Schedly:Email:PickupFolder"]!;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Invite_NewHost_CreatedListedAndEmailedALinkThatSignsItIn()
    {
        var slug = SchedlyAppFixture.UniqueSlug("invited");
        using var invited = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{slug}/invite", new { name = "Grace Hopper", email = $"{slug}@example.com", timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Equal(JsonValueKindNull(), (await invited.ReadJsonAsync()).GetProperty("apiKey").ValueKind);

        var link = await SignInMailbox.NextLinkAsync(MailFolder, slug, 0);
        var mail = await MimeMessage.LoadAsync(SignInMailbox.MailOf(MailFolder, slug).Single());
        Assert.Equal("You are invited to Schedly", mail.Subject);
        Assert.Equal($"{slug}@example.com", mail.To.Mailboxes.Single().Address);

        using var redeemed = await _client.PostAsJsonAsync("/api/sign-in/session", new { token = SignInMailbox.TokenOf(link) });
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);

        Assert.Contains(await ListAllAsync(), h => h.Slug == slug && h.Name == "Grace Hopper" && !h.Suspended);
    }

    [Fact]
    public async Task Suspend_ClosesBookingPageAndSignIn_ReinstateOpensThem()
    {
        var slug = SchedlyAppFixture.UniqueSlug("suspended");
        using (var invited = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{slug}/invite", new { name = "Ada Lovelace", email = $"{slug}@example.com", timeZone = "UTC" }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        var link = await SignInMailbox.NextLinkAsync(MailFolder, slug, 0);
        using var redeemed = await _client.PostAsJsonAsync("/api/sign-in/session", new { token = SignInMailbox.TokenOf(link) });
        var cookie = redeemed.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        using (var suspended = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{slug}/suspend"))
        {
            Assert.True((await suspended.ReadJsonAsync()).GetProperty("suspended").GetBoolean());
        }

        using (var page = await _client.GetAsync($"/api/hosts/{slug}"))
        {
            var problem = await page.AssertProblemAsync(404, "host-suspended");
            Assert.Contains("closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var session = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}"))
        {
            session.Headers.Add("Cookie", cookie);
            using var refused = await _client.SendAsync(session);
            await refused.AssertProblemAsync(401, "unauthorized");
        }

        var planted = await SignInMailbox.PlantLinkAsync(app.Azurite.ConnectionString, slug, NodaTime.SystemClock.Instance.GetCurrentInstant() + NodaTime.Duration.FromMinutes(5));
        using (var refusedLink = await _client.PostAsJsonAsync("/api/sign-in/session", new { token = planted }))
        {
            await refusedLink.AssertProblemAsync(401, "unauthorized");
        }

        Assert.Contains(await ListAllAsync(), h => h.Slug == slug && h.Suspended);

        using (var reinstated = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{slug}/reinstate"))
        {
            Assert.False((await reinstated.ReadJsonAsync()).GetProperty("suspended").GetBoolean());
        }

        using var open = await _client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Suspend_UnknownHost_IsNotFound()
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{SchedlyAppFixture.UniqueSlug("nobody")}/suspend");
        await response.AssertProblemAsync(404, "not-found");
    }

    [Theory]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=abc")]
    [InlineData("?pageSize=1001")]
    public async Task List_BadPageSize_IsValidationProblem(string query)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/hosts" + query);
        await response.AssertProblemAsync(400, "validation");
    }

    private static System.Text.Json.JsonValueKind JsonValueKindNull() => System.Text.Json.JsonValueKind.Null;

    private async Task<List<(string Slug, string Name, bool Suspended)>> ListAllAsync()
    {
        var all = new List<(string, string, bool)>();
        string? continuation = null;
        do
        {
            using var response = await SendAsync(HttpMethod.Get, $"/api/admin/hosts?pageSize=2{(continuation is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuation))}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            all.AddRange(page.GetProperty("hosts").EnumerateArray().Select(h => (h.GetProperty("slug").GetString()!, h.GetProperty("name").GetString()!, h.GetProperty("suspended").GetBoolean())));
            continuation = page.GetProperty("continuationToken").GetString();
        }
        while (continuation is not null);
        return all;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null) =>
        _client.SendAsync((body is null ? new HttpRequestMessage(method, path) : Json(method, path, body)).WithBearer(SchedlyAppFixture.OperatorKey));
}
