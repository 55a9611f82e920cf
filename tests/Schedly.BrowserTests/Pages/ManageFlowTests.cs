using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The manage page on a phone: what was booked (length, price, notes), a cancel that asks first, results in view.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ManageFlowTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Manage_OnAPhone_ShowsTheFactsAsksBeforeCancellingAndShowsTheResult()
    {
        var slug = await app.CreateHostAsync("facts");
        var day = BrowserAppFixture.DayAhead(2);
        var starts = await app.SlotStartsAsync(slug, day);
        var (id, token) = await app.BookAsync(slug, starts[3]);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 375, 740);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/manage#id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#booking-length")).ToHaveTextAsync("Length: 30 min · Price: €50.00");
        await Axe.AssertNoViolationsAsync(page, "the manage page");

        // Cancel asks first; Keep booking leaves it as it was.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await Expect(page.Locator("#cancel-question")).ToHaveTextAsync("Cancel this booking? This cannot be undone.");
        await Axe.AssertNoViolationsAsync(page, "the cancel question");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep booking" }).ClickAsync();
        await Expect(page.Locator("#cancel-confirm")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" })).ToBeFocusedAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");

        // A reschedule's result is brought into view below the calendar.
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" }).ClickAsync();
        await OpenDayAsync(page, day);
        await Slot(page, starts[8]).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move my booking" }).ClickAsync();
        var result = page.Locator("#reschedule-status");
        await Expect(result).ToContainTextAsync("Done. Your booking is now");
        await Expect(result).ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#page-status")).ToBeInViewportAsync();
        await Axe.AssertNoViolationsAsync(page, "the cancelled booking");
    }
}
