using Microsoft.Playwright;
using NodaTime;
using Schedly.BrowserTests.Infrastructure;
using Schedly.Testing;
using static Microsoft.Playwright.Assertions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// Signing in to the dashboard by an emailed link, on a desktop and a phone: the email form, the link from the
/// pickup folder, the HttpOnly session cookie that then carries every admin call (a change included), a reused and an
/// expired link, signing out everywhere; axe-core on each view.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardSignInTests(BrowserAppFixture app)
{
    public static readonly TheoryData<int, int> Viewports = new() { { 1280, 800 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task SignIn_ByEmailedLink_OpensDashboardOnceAndSignOutEverywhereEndsIt(int width, int height)
    {
        var (slug, email) = await CreateHostAsync("linkin");
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => requests.Add(request);

        await page.GotoAsync($"/dashboard/{slug}");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        var link = await AskForLinkAsync(page, slug, email);

        await page.GotoAsync(Local(link));
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/dashboard/{slug}").ToString());
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#booking-days > *").First).ToBeVisibleAsync();
        await Expect(page.Locator("#subtitle")).ToHaveTextAsync($"Ada Lovelace · {BrowserAppFixture.HostZone}");

        // The session is an HttpOnly, SameSite=Strict cookie for /api; no key in storage, no token in any URL but the link's own.
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "schedly_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/api", cookie.Path);
        Assert.Equal(0, await page.EvaluateAsync<int>("sessionStorage.length + localStorage.length"));
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        Assert.All(requests.Where(r => r.Url.Contains("/api/", StringComparison.Ordinal)), r => Assert.DoesNotContain(cookie.Value, r.Url, StringComparison.Ordinal));
        await Accessibility.AssertNoViolationsAsync(page);

        // A change made with the session: the page sends the CSRF header itself.
        var monday = page.Locator("#weekly-monday");
        await monday.GetByLabel("Monday hours 1 from").FillAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");
        var put = requests.Last(r => r.Method == "PUT" && r.Url.EndsWith($"/api/admin/hosts/{slug}/availability", StringComparison.Ordinal));
        Assert.Equal("1", await put.HeaderValueAsync("x-schedly-session"));
        Assert.Null(await put.HeaderValueAsync("authorization"));

        // A reload stays signed in; the link a second time does not sign anyone in.
        await page.ReloadAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await using (var other = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height))
        {
            var second = await other.NewPageAsync();
            await second.GotoAsync(Local(link));
            await Expect(second.Locator("#link-status")).ToContainTextAsync("already been used");
            await Expect(second.Locator("#dashboard")).ToBeHiddenAsync();
            await Expect(second).ToHaveURLAsync(new Uri(app.BaseAddress, "/dashboard").ToString());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(page.Locator("#page-status")).ToContainTextAsync("signed out on every device");
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await Expect(page.Locator("#dashboard")).ToBeHiddenAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task SignIn_ExpiredLink_SaysSoAndOffersANewOne(int width, int height)
    {
        var (slug, email) = await CreateHostAsync("linkold");
        var token = await SignInMailbox.PlantLinkAsync(app.Azurite.ConnectionString, slug, SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(1));
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dashboard#signin={Uri.EscapeDataString(token)}");

        await Expect(page.Locator("#link-status")).ToContainTextAsync("expired");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await Expect(page.Locator("#signin-form")).ToBeHiddenAsync(); // no host in the path: no API key form
        Assert.DoesNotContain("signin=", page.Url, StringComparison.Ordinal);
        Assert.Empty(await context.CookiesAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // A new link from the same page works.
        var link = await AskForLinkAsync(page, slug, email);
        await page.GotoAsync(Local(link));
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
    }

    private async Task<(string Slug, string Email)> CreateHostAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.com";
        var (slug, _) = await app.CreateHostWithKeyAsync(prefix, email);
        return (slug, email);
    }

    /// <summary>Fills the email form, sends it, and returns the link that arrives.</summary>
    private async Task<Uri> AskForLinkAsync(IPage page, string slug, string email)
    {
        var before = SignInMailbox.MailOf(app.MailFolder, slug).Length;
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).ClickAsync();
        await Expect(page.Locator("#link-status")).ToContainTextAsync("a sign-in link is on its way");
        return await SignInMailbox.NextLinkAsync(app.MailFolder, slug, before);
    }

    /// <summary>The emailed link on this test's app (the link names the configured public base URL).</summary>
    private static string Local(Uri link) => link.PathAndQuery + link.Fragment;
}
