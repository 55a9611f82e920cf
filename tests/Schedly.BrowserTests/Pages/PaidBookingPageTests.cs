using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// A paid event type end to end in Chromium: the client books, leaves to pay on the (fake) Stripe Checkout page, which
/// confirms by a signed webhook and returns to <c>/manage?payment=done</c>; the manage page finds the booking again and
/// shows it confirmed.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PaidBookingPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task OnAPhone_ContinueToPayment_PayOnCheckout_ReturnsToTheBookingConfirmed()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("paid-page");
        await app.PutIntroAsync(slug, key, new { title = "Paid session", durationMinutes = 30, price = new { amount = "50.00", currency = "EUR" }, payment = new { required = true } });
        var day = BrowserAppFixture.DayAhead(6);
        var start = (await app.SlotStartsAsync(slug, day))[3];
        await using var visitor = await app.NewVisitorAsync("America/New_York", 390, 844);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await ChooseAndFillAsync(page, Local(start, 30, "America/New_York").Date, start, "Grace Hopper");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();

        await Expect(page.Locator("#pay-row")).ToBeVisibleAsync();
        await Expect(page.Locator("#calendar-links")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.DoesNotContain(start, await app.SlotStartsAsync(slug, day));

        await page.Locator("#pay-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pay 50.00 EUR" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/manage(\\?[^#]*)?#id="));
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#booking-length")).ToContainTextAsync("50.00");
        await Expect(page.Locator("#pay-link")).ToBeHiddenAsync();
        await Expect(page.Locator("#ics-link")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
