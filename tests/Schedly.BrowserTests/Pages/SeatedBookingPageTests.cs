using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>A seated event type on the booking page: each time says how many seats are left, and a client books one.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class SeatedBookingPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task SeatedType_TimesSaySeatsLeft_BookingASeatTakesOne()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("seated");
        await app.PutIntroAsync(slug, key, new { title = "Yoga class", durationMinutes = 60, slotIntervalMinutes = 60, seats = 3 });
        var day = BrowserAppFixture.DayAhead(5);
        var starts = await app.SlotStartsAsync(slug, day);
        var (shared, fresh) = (starts[1], starts[2]);
        await app.BookAsync(slug, shared);
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");

        await OpenDayAsync(page, day);

        await Expect(Slot(page, shared).Locator(".seats-left")).ToHaveTextAsync("2 seats left");
        await Expect(Slot(page, fresh).Locator(".seats-left")).ToHaveTextAsync("3 seats left");
        await Accessibility.AssertNoViolationsAsync(page);

        await ChooseAndFillAsync(page, day, shared, "Grace Hopper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();

        await page.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(page, day);
        await Expect(Slot(page, shared).Locator(".seats-left")).ToHaveTextAsync("1 seat left");
    }

    [Fact]
    public async Task SeatedType_InFrench_SaysPlacesRestantes()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("seatedfr");
        await app.PutIntroAsync(slug, key, new { title = "Cours", durationMinutes = 60, slotIntervalMinutes = 60, seats = 1 });
        var day = BrowserAppFixture.DayAhead(6);
        var start = (await app.SlotStartsAsync(slug, day))[0];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/book/{slug}/intro?lang=fr");
        await OpenDayAsync(page, day);

        await Expect(Slot(page, start).Locator(".seats-left")).ToHaveTextAsync("1 place restante");
    }
}
