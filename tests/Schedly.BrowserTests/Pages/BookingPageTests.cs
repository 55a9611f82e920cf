using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The booking page in a real Chromium: choosing, booking, conflicts, time zones.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class BookingPageTests(BrowserAppFixture app)
{
    private const string Kolkata = "Asia/Kolkata";

    [Fact]
    public async Task Book_ClickingASlot_ConfirmsInVisitorZoneAndHidesTheSlotFromOthers()
    {
        var slug = await app.CreateHostAsync("book");
        var hostDay = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, hostDay))[2]; // 10:00 in London
        var (kolkataDate, kolkataRange) = Local(start, 30, Kolkata);
        var (_, londonRange) = Local(start, 30, BrowserAppFixture.HostZone);
        Assert.NotEqual(londonRange, kolkataRange);

        await using var visitor = await app.NewVisitorAsync(Kolkata);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Intro call" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BookingStepUrl(app.BaseAddress, slug));
        // Chromium reports the legacy name Asia/Calcutta; the picker uses the tz database's current one.
        Assert.Equal("Asia/Calcutta", await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone"));
        await Expect(page.Locator("#zone")).ToHaveValueAsync("Asia/Kolkata");

        await ChooseAndFillAsync(page, kolkataDate, start, "Grace Hopper");
        await Expect(Slot(page, start)).ToHaveTextAsync(kolkataRange[..5]);
        await Expect(page.Locator("#booking-form altcha-widget")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeFocusedAsync();
        var shown = page.Locator("#confirmed-time time");
        await Expect(shown).ToContainTextAsync(kolkataRange);
        await Expect(shown).ToContainTextAsync(kolkataDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(shown).Not.ToContainTextAsync(londonRange);
        await Expect(shown).ToHaveAttributeAsync("datetime", start);

        var manage = await page.Locator("#manage-link").GetAttributeAsync("href");
        Assert.Matches("^/manage#id=[^&]+&token=mt_", manage);
        var id = Uri.UnescapeDataString(manage!.Split("#id=")[1].Split('&')[0]);
        var ics = await page.Locator("#ics-link").GetAttributeAsync("href");
        Assert.StartsWith($"/api/bookings/{Uri.EscapeDataString(id)}/calendar.ics?token=mt_", ics);

        await using var other = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var second = await other.NewPageAsync();
        await second.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(second, hostDay);
        await Expect(second.Locator("ul.slot-list button.slot")).Not.ToHaveCountAsync(0);
        await Expect(Slot(second, start)).ToHaveCountAsync(0);
        Assert.DoesNotContain(start, await app.SlotStartsAsync(slug, hostDay));
    }

    [Fact]
    public async Task Book_TwoVisitorsSameSlotAtOnce_OneIsBookedTheOtherIsToldItWasTaken()
    {
        var slug = await app.CreateHostAsync("race");
        var day = BrowserAppFixture.DayAhead(4);
        var start = (await app.SlotStartsAsync(slug, day))[4];

        await using var firstVisitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await using var secondVisitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var first = await firstVisitor.NewPageAsync();
        var second = await secondVisitor.NewPageAsync();
        await Task.WhenAll(first.GotoAsync($"/book/{slug}/intro"), second.GotoAsync($"/book/{slug}/intro"));
        await ChooseAndFillAsync(first, day, start, "Grace Hopper");
        await ChooseAndFillAsync(second, day, start, "Katherine Johnson");

        await Task.WhenAll(
            first.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync(),
            second.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync());

        var outcomes = new List<string>();
        foreach (var page in new[] { first, second })
        {
            var done = page.Locator("#confirmation:visible, #page-status.error");
            await Expect(done).ToBeVisibleAsync();
            outcomes.Add(await page.Locator("#confirmation").IsVisibleAsync() ? "booked" : "taken");
        }

        Assert.Equal(["booked", "taken"], outcomes.Order().ToArray());
        var loser = outcomes[0] == "taken" ? first : second;
        await Expect(loser.Locator("#page-status")).ToHaveTextAsync("That time was just taken. Please choose another time.");
        await Expect(loser.Locator("#booking-form")).ToBeHiddenAsync();
        await WaitForMonthAsync(loser);
        await Expect(Slot(loser, start)).ToHaveCountAsync(0);
        Assert.DoesNotContain(start, await app.SlotStartsAsync(slug, day));
    }

    [Fact]
    public async Task Book_PickingAnotherZone_ShowsTheSameSlotsInThatZone()
    {
        var slug = await app.CreateHostAsync("zone");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[0]; // 09:00 in London
        var (tokyoDate, tokyoRange) = Local(start, 30, "Asia/Tokyo");

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(page, day);
        await Expect(Slot(page, start)).ToHaveTextAsync(Local(start, 30, BrowserAppFixture.HostZone).Range[..5]);

        await page.GetByLabel("Times shown in").SelectOptionAsync("Asia/Tokyo");
        await OpenDayAsync(page, tokyoDate);

        await Expect(Slot(page, start)).ToHaveTextAsync(tokyoRange[..5]);
    }

    [Fact]
    public async Task Book_WithTheKeyboardOnly_ReachesTheFormAndConfirmation()
    {
        var slug = await app.CreateHostAsync("keys");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[0];

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        var dayButton = await ShowMonthOfAsync(page, day);
        await dayButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dayButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Slot(page, start)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Ada Byron");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("not-an-email");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#form-status")).ToHaveTextAsync("Please check the form.");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("ada@example.com");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Book_UnknownHost_ShowsAClearMessage()
    {
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync("/book/no-such-host-here");

        await Expect(page.Locator("#page-status")).ToHaveTextAsync("This booking page does not exist. Check the link you were given.");
        await Expect(page.Locator("#booking")).ToBeHiddenAsync();
    }
}
