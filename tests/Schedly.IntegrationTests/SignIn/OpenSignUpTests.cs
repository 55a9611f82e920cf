using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.Testing;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.SignIn;

/// <summary>
/// Open sign-up on a deployment that allows it (<c>Schedly__SignIn__OpenSignUp=true</c>, its own app): a new host is
/// created and emailed a link; a taken name is a 409; an address that already signs a host in gets that host's link,
/// the same answer, and no new host.
/// </summary>
public sealed class OpenSignUpTests : IAsyncLifetime
{
    private const string OperatorKey = "signup-operator-key-0123456789abcdefghijk";
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "schedly-signup-" + Guid.NewGuid().ToString("N"));
    private SchedlyApp _app = null!;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
    {
        ["Schedly__Security__OperatorKey"] = OperatorKey,
        ["Schedly__Email__PickupFolder"] = _mail,
        ["Schedly__SignIn__OpenSignUp"] = "true",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignUp_NewName_CreatesHostAndEmailsLink_TakenNameAndKnownAddressCreateNothing()
    {
        var slug = SchedlyAppFixture.UniqueSlug("joiner");
        var email = $"{slug}@example.com";
        using var created = await _app.Client.PostAsJsonAsync("/api/sign-up", new { host = slug, name = "Katherine Johnson", email, timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        await SignInMailbox.NextLinkAsync(_mail, slug, 0);
        Assert.Equal("You are invited to Schedly", (await MimeMessage.LoadAsync(SignInMailbox.MailOf(_mail, slug).Single())).Subject);
        using (var profile = await _app.Client.GetAsync($"/api/hosts/{slug}"))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        using (var taken = await _app.Client.PostAsJsonAsync("/api/sign-up", new { host = slug, name = "Someone Else", email = "else@example.com", timeZone = "UTC" }))
        {
            await taken.AssertProblemAsync(409, "policy-violation");
        }

        // The same address again, under a new name: that host's own sign-in link, the same answer, no new host.
        var other = SchedlyAppFixture.UniqueSlug("joiner");
        using var again = await _app.Client.PostAsJsonAsync("/api/sign-up", new { host = other, name = "K. Johnson", email, timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await SignInMailbox.NextLinkAsync(_mail, slug, 1);
        using var missing = await _app.Client.GetAsync($"/api/hosts/{other}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var owner = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(OperatorKey));
        Assert.Equal("Katherine Johnson", (await owner.ReadJsonAsync()).GetProperty("name").GetString());
    }
}
