using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The manage page in a real Chromium: reading, cancelling, rescheduling with the token from the fragment.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ManagePageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Manage_Cancel_ShowsCancelledAndTheSlotComesBackOnTheBookingPage()
    {
        var slug = await app.CreateHostAsync("cancel");
        var day = BrowserAppFixture.DayAhead(2);
        var start = (await app.SlotStartsAsync(slug, day))[6];
        var (id, token) = await app.BookAsync(slug, start);
        Assert.DoesNotContain(start, await app.SlotStartsAsync(slug, day));

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => requests.Add(request);
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");

        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#booking-time time")).ToContainTextAsync(Local(start, 30, BrowserAppFixture.HostZone).Range);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Intro call" })).ToBeVisibleAsync();
        await page.GetByLabel("Reason").FillAsync("Something came up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Expect(page.Locator("#state")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#cancel-reason")).ToHaveTextAsync("Reason: Something came up");
        await Expect(page.Locator("#cancel-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#reschedule")).ToBeHiddenAsync();
        Assert.All(requests, r => Assert.DoesNotContain(token, r.Url, StringComparison.Ordinal));
        var read = requests.Single(r => r.Url.EndsWith($"/api/bookings/{id}", StringComparison.Ordinal));
        Assert.Equal($"Bearer {token}", await read.HeaderValueAsync("authorization"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Book a new time" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BookingStepUrl(app.BaseAddress, slug));
        await OpenDayAsync(page, day);
        await Expect(Slot(page, start)).ToHaveCountAsync(1);
        Assert.Contains(start, await app.SlotStartsAsync(slug, day));
    }

    [Fact]
    public async Task Manage_Reschedule_MovesTheBookingToThePickedSlot()
    {
        var slug = await app.CreateHostAsync("move");
        var day = BrowserAppFixture.DayAhead(5);
        var slots = await app.SlotStartsAsync(slug, day);
        var (id, token) = await app.BookAsync(slug, slots[1]);

        await using var visitor = await app.NewVisitorAsync("America/New_York");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" }).ClickAsync();
        var (newYorkDate, newYorkRange) = Local(slots[8], 30, "America/New_York");
        await OpenDayAsync(page, newYorkDate);
        await Expect(Slot(page, slots[1])).ToHaveCountAsync(0);
        await Slot(page, slots[8]).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move my booking" }).ClickAsync();

        await Expect(page.Locator("#reschedule-status")).ToContainTextAsync("Done. Your booking is now");
        await Expect(page.Locator("#booking-time time")).ToContainTextAsync(newYorkRange);
        await Expect(page.Locator("#booking-time time")).ToHaveAttributeAsync("datetime", slots[8]);
        var free = await app.SlotStartsAsync(slug, day);
        Assert.Contains(slots[1], free);
        Assert.DoesNotContain(slots[8], free);
    }

    [Fact]
    public async Task Manage_RescheduleToASlotTakenMeanwhile_SaysItWasTakenAndKeepsTheBooking()
    {
        var slug = await app.CreateHostAsync("movetaken");
        var day = BrowserAppFixture.DayAhead(5);
        var slots = await app.SlotStartsAsync(slug, day);
        var (id, token) = await app.BookAsync(slug, slots[1]);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" }).ClickAsync();
        await OpenDayAsync(page, day);
        await Slot(page, slots[10]).ClickAsync();
        await app.BookAsync(slug, slots[10]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move my booking" }).ClickAsync();

        await Expect(page.Locator("#reschedule-status")).ToHaveTextAsync("That time was just taken. Please choose another time.");
        await WaitForMonthAsync(page);
        await Expect(Slot(page, slots[10])).ToHaveCountAsync(0);
        await Expect(page.Locator("#booking-time time")).ToHaveAttributeAsync("datetime", slots[1]);
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
    }

    [Fact]
    public async Task Manage_WrongToken_SaysTheLinkIsNotValid()
    {
        var slug = await app.CreateHostAsync("badlink");
        var day = BrowserAppFixture.DayAhead(2);
        var (id, _) = await app.BookAsync(slug, (await app.SlotStartsAsync(slug, day))[0]);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token=mt_not-the-right-token");

        await Expect(page.Locator("#page-status")).ToHaveTextAsync("This manage link is not valid. Use the link from your confirmation email.");
        await Expect(page.Locator("#details")).ToBeHiddenAsync();
    }
}
