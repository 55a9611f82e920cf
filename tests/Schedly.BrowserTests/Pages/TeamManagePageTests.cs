using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The manage page of a team booking in a real Chromium: it names whom the meeting is with, a round-robin booking
/// moves within its own member's free times (on a desktop; the member host's dashboard moves it the same way), and a
/// collective booking is cancelled for every member (on a phone), with a way to book the team again instead of moving it.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class TeamManagePageTests(BrowserAppFixture app)
{
    private readonly BrowserTeams _teams = new(app);

    [Fact]
    public async Task RoundRobin_OnADesktop_MovesWithinItsOwnMembersTimes()
    {
        var (team, members, day, teamSlots, id, token, member, busy) = await RoundRobinBookedAsync(3);
        var host = member.Slug;

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Advice session" })).ToBeVisibleAsync();
        await Expect(page.Locator("#subtitle")).ToHaveTextAsync($"with {member.Name}");
        await Expect(page.Locator("#team-move")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" }).ClickAsync();
        await OpenDayAsync(page, day);
        await Expect(Slot(page, teamSlots[8])).ToHaveCountAsync(1);
        await Expect(Slot(page, busy)).ToHaveCountAsync(0); // the team offers it, but not with this member
        await Axe.AssertNoViolationsAsync(page, "a team booking's reschedule picker");
        await Slot(page, teamSlots[8]).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move my booking" }).ClickAsync();
        await Expect(page.Locator("#reschedule-status")).ToContainTextAsync("Done. Your booking is now");

        var moved = Assert.Single(await _teams.HostBookingsAsync(host, member.ApiKey, day), b => b.GetProperty("id").GetString() == id);
        Assert.Equal(teamSlots[8], moved.GetProperty("start").GetString());
        Assert.Equal(team, moved.GetProperty("team").GetString());
        var other = members.Single(m => m.Slug != host);
        Assert.Empty(await _teams.HostBookingsAsync(other.Slug, other.ApiKey, day)); // never handed to the other member
    }

    [Fact]
    public async Task RoundRobin_TheMemberHostMovesIt_OnTheDashboard_WithinTheirOwnTimes()
    {
        var (_, _, day, teamSlots, id, _, member, busy) = await RoundRobinBookedAsync(5);
        var host = member.Slug;

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, host, member.ApiKey);
        var item = page.Locator($"li.booking-item[data-id='{id}']");
        await item.GetByRole(AriaRole.Button, new() { Name = "Reschedule: Grace Hopper" }).ClickAsync();
        var slot = item.GetByLabel("Free time");
        await Expect(slot.Locator($"option[value='{teamSlots[8]}']")).ToHaveCountAsync(1);
        await Expect(slot.Locator($"option[value='{busy}']")).ToHaveCountAsync(0); // the team offers it, this member is busy
        await Accessibility.AssertNoViolationsAsync(page);
        await slot.SelectOptionAsync(teamSlots[8]);
        await item.GetByRole(AriaRole.Button, new() { Name = "Move booking" }).ClickAsync();

        await Expect(page.Locator("#bookings-status")).ToContainTextAsync("Moved: Grace Hopper");
        var moved = Assert.Single(await _teams.HostBookingsAsync(host, member.ApiKey, day), b => b.GetProperty("id").GetString() == id);
        Assert.Equal(teamSlots[8], moved.GetProperty("start").GetString());
    }

    [Fact]
    public async Task Collective_OnAPhone_IsCancelledForEveryMember_AndBookedAgainOnTheTeamPage()
    {
        var (team, members) = await _teams.CreateAsync("collective", "Ada Lovelace", "Grace Brewster", "Linus Pauling");
        var day = BrowserAppFixture.DayAhead(4);
        var start = (await _teams.SlotStartsAsync(team, day))[3];
        var (id, token, _) = await _teams.BookAsync(team, start);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 375, 740);
        await Axe.AddToAsync(visitor);

        // A member host's dashboard offers to cancel it, not to move it.
        var dashboard = await visitor.NewPageAsync();
        await SignInAsync(dashboard, members[1].Slug, members[1].ApiKey);
        var item = dashboard.Locator("li.booking-item").Filter(new() { HasText = "Grace Hopper" });
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Cancel booking: Grace Hopper" })).ToBeVisibleAsync();
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Reschedule: Grace Hopper" })).ToHaveCountAsync(0);
        await dashboard.CloseAsync();

        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#subtitle")).ToHaveTextAsync("with Ada Lovelace, Grace Brewster, and Linus Pauling");

        // Not moved as a whole: the page says how instead of offering times.
        var note = page.Locator("#team-move");
        await Expect(note).ToContainTextAsync("To move a meeting with the whole team, cancel it and book again.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Book again with the team" })).ToHaveAttributeAsync("href", $"/book/team/{team}/{BrowserTeams.EventType}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" })).ToBeHiddenAsync();
        await Axe.AssertNoViolationsAsync(page, "a collective booking on a phone");

        await page.GetByLabel("Reason").FillAsync("The project moved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#page-status")).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Book a new time" })).ToHaveAttributeAsync("href", $"/book/team/{team}/{BrowserTeams.EventType}");
        await Axe.AssertNoViolationsAsync(page, "a cancelled collective booking");

        foreach (var (slug, apiKey, _) in members)
        {
            var booking = Assert.Single(await _teams.HostBookingsAsync(slug, apiKey, day));
            Assert.Equal("cancelled", booking.GetProperty("status").GetString());
            Assert.Equal("The project moved", booking.GetProperty("cancelReason").GetString());
        }

        Assert.Contains(start, await _teams.SlotStartsAsync(team, day));
    }

    /// <summary>
    /// A new two-member round-robin team booked at the day's 3rd slot, and the booking's member busy at the 7th (their
    /// own event type) while the other member is still free then: the team offers it, the member's own times do not.
    /// </summary>
    private async Task<(string Team, List<(string Slug, string ApiKey, string Name)> Members, DateOnly Day, List<string> TeamSlots, string Id, string Token, (string Slug, string ApiKey, string Name) Member, string Busy)> RoundRobinBookedAsync(int daysAhead)
    {
        var (team, members) = await _teams.CreateAsync("roundRobin", "Ada Lovelace", "Linus Pauling");
        var day = BrowserAppFixture.DayAhead(daysAhead);
        var teamSlots = await _teams.SlotStartsAsync(team, day);
        var (id, token, host) = await _teams.BookAsync(team, teamSlots[2]);
        var busy = teamSlots[6];
        await app.BookAsync(host, busy);
        Assert.Contains(busy, await _teams.SlotStartsAsync(team, day));
        Assert.DoesNotContain(busy, await _teams.SlotStartsAsync(team, day, host));
        return (team, members, day, teamSlots, id, token, members.Single(m => m.Slug == host), busy);
    }
}
