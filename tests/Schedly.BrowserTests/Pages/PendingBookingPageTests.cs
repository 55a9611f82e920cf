using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>A booking that waits for the host's answer, as the client sees it on the booking and manage pages.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PendingBookingPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task ApprovalType_BookingPageSaysRequestSent_NoCalendarLinks_ManagePageSaysAwaitingTheHost()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("vetting");
        await app.PutIntroAsync(slug, key, new { title = "Intro call", durationMinutes = 30, requiresApproval = true });
        var day = BrowserAppFixture.DayAhead(5);
        var start = (await app.SlotStartsAsync(slug, day))[2];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 390, 844);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await ChooseAndFillAsync(page, day, start, "Grace Hopper");

        await page.GetByRole(AriaRole.Button, new() { Name = "Request booking" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request sent" })).ToBeVisibleAsync();
        await Expect(page.Locator("#confirmed-pending")).ToContainTextAsync("The host answers your request by");
        await Expect(page.Locator("#calendar-links")).ToBeHiddenAsync();
        await Expect(page.Locator("#pay-row")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var manage = await page.Locator("#manage-link").GetAttributeAsync("href");
        await page.GotoAsync(manage!);
        await Expect(page.Locator("#state")).ToHaveTextAsync("Awaiting the host's answer");
        await Expect(page.Locator("#pending-note")).ToContainTextAsync("the time is held for you until then");
    }

    [Fact]
    public async Task ReturnFromPayment_WithoutTheRememberedLink_SaysToUseTheEmailedLink()
    {
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync("/manage?payment=done");

        await Expect(page.Locator("#page-status")).ToContainTextAsync("Your payment is being confirmed");
    }
}
