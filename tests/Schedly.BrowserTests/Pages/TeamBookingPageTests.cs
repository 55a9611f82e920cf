using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The team booking page <c>/book/team/{team}/{eventType}</c>: Ada in London (09:00–17:00) and Grace in New York
/// (09:00–17:00 there, 14:00–22:00 in London). Round-robin offers the times either is free and says who the booking went
/// to; collective offers only the hours both share and names both; the team's page lists its types.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class TeamBookingPageTests(BrowserAppFixture app)
{
    private readonly BrowserTeams _teams = new(app);

    /// <summary>Ada (London) and Grace (New York) in one new team; returns the slugs and the team.</summary>
    private async Task<(string Team, string Ada, string AdaKey, string Grace, string GraceKey)> TeamAsync()
    {
        var (ada, adaKey) = await app.CreateHostWithKeyAsync("ada");
        var (grace, graceKey) = await app.CreateHostWithKeyAsync("grace");
        await app.PutHostAsync(grace, new Dictionary<string, object> { ["name"] = "Grace Hopper", ["email"] = "grace@example.com", ["timeZone"] = "America/New_York" });
        var team = await _teams.CreateTeamAsync([ada, grace], ("anyone", "Advice", "roundRobin"), ("together", "Team review", "collective"));
        return (team, ada, adaKey, grace, graceKey);
    }

    [Fact]
    public async Task RoundRobin_OnDesktop_OffersEitherMembersTimes_AndSaysWhoTheBookingWentTo()
    {
        var (team, ada, adaKey, _, _) = await TeamAsync();
        var day = BrowserAppFixture.DayAhead(4);
        var starts = await _teams.SlotStartsAsync(team, "anyone", day, "UTC");
        // 10:00 London is Ada's alone (Grace starts at 14:00 London); 20:00 London is Grace's alone.
        var adaOnly = starts.First(s => s.EndsWith("T10:00:00Z", StringComparison.Ordinal));
        Assert.Contains(starts, s => s.EndsWith("T20:00:00Z", StringComparison.Ordinal));
        await using var visitor = await app.NewVisitorAsync("Europe/Berlin");
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/book/team/{team}/anyone");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Advice", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#subtitle")).ToContainTextAsync("with Advisors");
        await Expect(page.Locator("#team-members")).ToHaveTextAsync("You will meet one of: Ada Lovelace or Grace Hopper");
        await WaitForMonthAsync(page);
        await Axe.AssertNoViolationsAsync(page, "the team's month view");

        await OpenDayAsync(page, day);
        await Expect(Slot(page, adaOnly)).ToContainTextAsync("11:00"); // Berlin
        await Expect(page.Locator("button.slot").Last).ToContainTextAsync("22:30"); // Grace's last half hour, in Berlin
        await DocsImages.SaveAsync(page, "team-booking-desktop");
        await BookAsLinusAsync(page, adaOnly);
        await Expect(page.Locator("#confirmed-title")).ToHaveTextAsync("Advice with Ada Lovelace");
        await Axe.AssertNoViolationsAsync(page, "the team booking's confirmation");
        var booking = await FindBookingAsync(ada, adaKey, day, "linus@example.com");
        Assert.Equal([ada], booking.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));

        // A refresh shows the same confirmation, still naming Ada.
        await page.ReloadAsync();
        await Expect(page.Locator("#confirmed-title")).ToHaveTextAsync("Advice with Ada Lovelace");

        // Ada's dashboard says why the booking is hers: she alone was free, and who was weighed.
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(hostContext);
        var dashboard = await hostContext.NewPageAsync();
        await SignInAsync(dashboard, ada, adaKey);
        var row = dashboard.Locator($"li.booking-item[data-id='{booking.GetProperty("id").GetString()}']");
        await Expect(row.Locator(".booking-facts")).ToContainTextAsync("Advice · 30 min"); // the team's type, not its slug
        await row.GetByText("Round-robin: why this booking is yours").ClickAsync();
        await Expect(row.Locator(".assignment-reason")).ToHaveTextAsync("You were the only member free at that time.");
        await Expect(row.Locator(".assignment-table tbody tr")).ToHaveCountAsync(1);
        await Expect(row.Locator(".assignment-table tbody th")).ToHaveTextAsync($"{ada} (you)");
        await Axe.AssertNoViolationsAsync(dashboard, "the round-robin decision in the host's dashboard");
    }

    [Fact]
    public async Task Collective_OnAPhone_OffersOnlySharedHours_AndNamesEveryHost()
    {
        var (team, ada, adaKey, grace, graceKey) = await TeamAsync();
        var day = BrowserAppFixture.DayAhead(5);
        var starts = await _teams.SlotStartsAsync(team, "together", day, "UTC");
        Assert.Equal("14:00", starts[0][11..16]);
        Assert.Equal("16:30", starts[^1][11..16]);
        await using var visitor = await app.NewVisitorAsync("America/New_York", 390, 844, "en-US");
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/book/team/{team}/together");

        await Expect(page.Locator("#team-members")).ToHaveTextAsync("You will meet all of: Ada Lovelace and Grace Hopper");
        await OpenDayAsync(page, day);
        await Expect(page.Locator("button.slot")).ToHaveCountAsync(starts.Count);
        await Expect(page.Locator("button.slot").First).ToContainTextAsync("9:00"); // 14:00 UTC in New York
        await Axe.AssertNoViolationsAsync(page, "the collective day on a phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways on a phone ({width} px).");
        await DocsImages.SaveAsync(page, "team-booking-phone");

        await BookAsLinusAsync(page, starts[1]);
        await Expect(page.Locator("#confirmed-title")).ToHaveTextAsync("Team review with Ada Lovelace and Grace Hopper");
        await Axe.AssertNoViolationsAsync(page, "the collective confirmation on a phone");
        foreach (var (host, key) in new[] { (ada, adaKey), (grace, graceKey) })
        {
            var booking = await FindBookingAsync(host, key, day, "linus@example.com");
            Assert.Equal("confirmed", booking.GetProperty("status").GetString());
            Assert.Equal(starts[1], booking.GetProperty("start").GetString());
        }

        Assert.DoesNotContain(starts[1], await _teams.SlotStartsAsync(team, "together", day, "UTC"));
    }

    [Fact]
    public async Task TeamPage_ListsItsTypes_InTheVisitorsLanguage_AndAnUnknownTeamSaysSo()
    {
        var (team, _, _, _, _) = await TeamAsync();
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/book/team/{team}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book with Advisors" })).ToBeVisibleAsync();
        await Expect(page.Locator("#team-members")).ToHaveTextAsync("Team: Ada Lovelace and Grace Hopper");
        var links = page.Locator("#event-type-list a");
        await Expect(links).ToHaveCountAsync(2);
        Assert.Equal($"/book/team/{team}/anyone", await links.Nth(0).GetAttributeAsync("href"));
        Assert.Equal($"/book/team/{team}/together", await links.Nth(1).GetAttributeAsync("href"));
        await Axe.AssertNoViolationsAsync(page, "the team's event types");

        await links.Nth(1).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team review", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync($"/book/team/{team}/together?lang=de");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.Locator("#team-members")).ToHaveTextAsync("Sie treffen alle: Ada Lovelace und Grace Hopper");
        await Expect(page.Locator("#subtitle")).ToContainTextAsync("mit Advisors");

        await page.GotoAsync($"/book/team/{team}-gone/together");
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("This booking page does not exist. Check the link you were given.");
        await Expect(page.Locator("#booking")).ToBeHiddenAsync();
    }

    /// <summary>Picks the time on the open day, books it as Linus Torvalds and waits for the confirmation.</summary>
    private static async Task BookAsLinusAsync(IPage page, string start)
    {
        await Slot(page, start).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Linus Torvalds");
        await page.GetByLabel("Email").FillAsync("linus@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
    }

    /// <summary>The host's booking of <paramref name="email"/> on <paramref name="day"/>, as the admin list shows it.</summary>
    private async Task<JsonElement> FindBookingAsync(string host, string apiKey, DateOnly day, string email) =>
        (await _teams.HostBookingsAsync(host, apiKey, day)).Single(b => b.GetProperty("email").GetString() == email);
}
