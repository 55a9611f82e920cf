using System.Net;
using System.Net.Http.Json;
using NodaTime;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.Testing;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.SignIn;

/// <summary>
/// Sign-in by emailed link through the real app: the link arrives in the pickup folder, redeems once into an HttpOnly
/// SameSite=Strict cookie that opens the host's own admin routes (changes only with the CSRF header), and "sign out
/// everywhere" ends it. Requests go through a client that keeps no cookies, so each sends exactly what the test says.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class SignInByEmailTests(SchedlyAppFixture app) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.Client.BaseAddress };

    private string MailFolder => app.Runner.Configuration["Schedly:Email:PickupFolder"]!;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task SignIn_LinkFromEmail_OpensOwnAdminRoutesOnceAndSignOutEverywhereEndsIt()
    {
        var (slug, email) = await CreateHostAsync("signin");
        var link = await RequestLinkAsync(slug, email.ToUpperInvariant());
        Assert.Equal("/dashboard", link.AbsolutePath);

        using var redeemed = await _client.PostAsJsonAsync("/api/sign-in/session", new { token = SignInMailbox.TokenOf(link) });
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal(slug, (await redeemed.ReadJsonAsync()).GetProperty("host").GetString());
        var setCookie = Assert.Single(redeemed.Headers.GetValues("Set-Cookie"));
        Assert.Contains("HttpOnly", setCookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", setCookie, StringComparison.Ordinal);
        Assert.Contains("Path=/api", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("Secure", setCookie, StringComparison.Ordinal); // loopback: plain http
        var cookie = setCookie.Split(';')[0];

        using (var config = await SendAsync(HttpMethod.Get, $"/api/admin/hosts/{slug}", cookie))
        {
            Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        }

        using (var current = await SendAsync(HttpMethod.Get, "/api/sign-in/session", cookie))
        {
            Assert.Equal(slug, (await current.ReadJsonAsync()).GetProperty("host").GetString());
        }

        // A change needs the CSRF header, and an Origin, when sent, of this site.
        var hours = new { weekly = new { monday = new[] { new { start = "09:00", end = "12:00" } } } };
        using (var noHeader = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", cookie, hours))
        {
            await noHeader.AssertProblemAsync(403, "forbidden");
        }

        using (var foreign = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", cookie, hours, csrf: true, origin: "https://evil.example"))
        {
            await foreign.AssertProblemAsync(403, "forbidden");
        }

        using (var own = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", cookie, hours, csrf: true, origin: app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority)))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // Another host's routes: refused, whether or not that host exists.
        var (other, _) = await CreateHostAsync("signother");
        using (var otherHost = await SendAsync(HttpMethod.Get, $"/api/admin/hosts/{other}", cookie))
        {
            await otherHost.AssertProblemAsync(403, "forbidden");
        }

        // The link works once.
        using (var reused = await _client.PostAsJsonAsync("/api/sign-in/session", new { token = SignInMailbox.TokenOf(link) }))
        {
            var problem = await reused.AssertProblemAsync(401, "unauthorized");
            Assert.Contains("already been used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var revoke = await SendAsync(HttpMethod.Post, $"/api/admin/hosts/{slug}/sessions/revoke", cookie, csrf: true))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var after = await SendAsync(HttpMethod.Get, $"/api/admin/hosts/{slug}", cookie);
        await after.AssertProblemAsync(401, "unauthorized");
        using var ended = await SendAsync(HttpMethod.Get, "/api/sign-in/session", cookie);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_SameAnswerAndNoEmail()
    {
        var (slug, email) = await CreateHostAsync("signunknown");
        var before = SignInMailbox.MailOf(MailFolder, slug).Length;

        using var unknown = await _client.PostAsJsonAsync("/api/sign-in/link", new { email = $"nobody-{Guid.NewGuid():N}@example.com" });
        using var known = await _client.PostAsJsonAsync("/api/sign-in/link", new { email });
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        // Both messages are handled in order of arrival; the known one's email arrives, and it is the only new one.
        await SignInMailbox.NextLinkAsync(MailFolder, slug, before);
        Assert.Equal(before + 1, SignInMailbox.MailOf(MailFolder, slug).Length);
    }

    [Fact]
    public async Task SignIn_ExpiredLink_IsRefusedAndSignsNobodyIn()
    {
        var (slug, _) = await CreateHostAsync("signexpired");
        var token = await SignInMailbox.PlantLinkAsync(app.Azurite.ConnectionString, slug, SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(1));

        using var response = await _client.PostAsJsonAsync("/api/sign-in/session", new { token });
        var problem = await response.AssertProblemAsync(401, "unauthorized");
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("{\"email\":\"not-an-address\"}")]
    [InlineData("{\"email\":\"\"}")]
    [InlineData("{}")]
    public async Task SignIn_BadEmail_IsValidationProblem(string body)
    {
        using var response = await _client.SendAsync(RawJson(HttpMethod.Post, "/api/sign-in/link", body));
        await response.AssertProblemAsync(400, "validation");
    }

    [Fact]
    public async Task SignUp_ClosedByDefault_IsNotFoundAndCreatesNothing()
    {
        var slug = SchedlyAppFixture.UniqueSlug("closed");
        using var response = await _client.PostAsJsonAsync("/api/sign-up", new { host = slug, name = "Ada", email = $"{slug}@example.com", timeZone = "UTC" });
        await response.AssertProblemAsync(404, "not-found");
        using var profile = await _client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutCsrfHeader_IsRefused()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/sign-in/session"));
        await response.AssertProblemAsync(403, "forbidden");
    }

    private async Task<(string Slug, string Email)> CreateHostAsync(string prefix)
    {
        var slug = SchedlyAppFixture.UniqueSlug(prefix);
        var email = $"{slug}@example.com";
        using var created = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada Lovelace", email, timeZone = "UTC" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (slug, email);
    }

    private async Task<Uri> RequestLinkAsync(string slug, string email)
    {
        var before = SignInMailbox.MailOf(MailFolder, slug).Length;
        using var response = await _client.PostAsJsonAsync("/api/sign-in/link", new { email });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await SignInMailbox.NextLinkAsync(MailFolder, slug, before);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie, object? body = null, bool csrf = false, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        if (csrf)
        {
            request.Headers.Add("X-Schedly-Session", "1");
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return _client.SendAsync(request);
    }
}
