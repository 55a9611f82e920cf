using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The booking page as the best ones behave: an address per step, stale answers ignored, one Tab stop in the calendar,
/// errors beside their fields, calendar links, a searchable zone list, the desktop layout, and no axe-core violations.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class BookingFlowTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Book_EachStepHasAnAddress_BackForwardAndRefreshKeepTheConfirmation()
    {
        var slug = await app.CreateHostAsync("steps");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[4];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync($"/book/{slug}/intro");
        await WaitForMonthAsync(page);
        await Axe.AssertNoViolationsAsync(page, "the month view");

        await OpenDayAsync(page, day);
        await Slot(page, start).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]slot={Regex.Escape(Uri.EscapeDataString(start))}"));
        await Expect(page.Locator("#booking-form")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the form");

        await page.GoBackAsync();
        await Expect(page.Locator("#booking-form")).ToBeHiddenAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("slot="));
        await page.GoForwardAsync();
        await Expect(page.Locator("#booking-form")).ToBeVisibleAsync();
        await Expect(Slot(page, start)).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GetByLabel("Name").FillAsync("Grace Hopper");
        await page.GetByLabel("Email").FillAsync("grace@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?booking=[^&#]+#token=mt_"));
        Assert.DoesNotContain("mt_", new Uri(page.Url).Query, StringComparison.Ordinal);
        var time = await page.Locator("#confirmed-time").TextContentAsync();
        await Axe.AssertNoViolationsAsync(page, "the confirmation");

        // Add to calendar: Google and Outlook beside the .ics, titled with the host's name.
        var google = (await page.Locator("#google-link").GetAttributeAsync("href"))!;
        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE", google, StringComparison.Ordinal);
        Assert.Contains("text=Intro+call+with+Ada+Lovelace", google, StringComparison.Ordinal);
        Assert.Contains("dates=" + DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), google, StringComparison.Ordinal);
        var outlook = (await page.Locator("#outlook-link").GetAttributeAsync("href"))!;
        Assert.StartsWith("https://outlook.live.com/calendar/0/deeplink/compose?", outlook, StringComparison.Ordinal);
        Assert.Contains("subject=Intro+call+with+Ada+Lovelace", outlook, StringComparison.Ordinal);
        Assert.DoesNotContain("mt_", google + outlook, StringComparison.Ordinal);

        // A refresh shows the same confirmation (read with the token from the fragment, sent as a Bearer header).
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        await Expect(page.Locator("#confirmed-time")).ToHaveTextAsync(time!);
        await Expect(page.Locator("#booking")).ToBeHiddenAsync();
        Assert.All(requests, url => Assert.DoesNotContain("mt_", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Book_AnotherMonthWhileChosen_DropsTheChoiceAndOldTimesWhileLoading()
    {
        var slug = await app.CreateHostAsync("stale");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[0];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(page, day);
        await Slot(page, start).ClickAsync();
        await Expect(page.Locator("#booking-form")).ToBeVisibleAsync();

        // A slow network for the next month's times.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/slots?**", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();

        await Expect(page.Locator("#booking-form")).ToBeHiddenAsync();
        await Expect(page.Locator(".month-grid")).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator("button.slot")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new Regex("slot="));
        release.SetResult();
        await WaitForMonthAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex(@"month=\d{4}-\d{2}"));
        await Expect(page.Locator("#booking-form")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Book_Calendar_IsOneTabStopMovedWithArrowKeys()
    {
        var slug = await app.CreateHostAsync("arrows");
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await WaitForMonthAsync(page);

        var stops = page.Locator(".month-grid button.day[tabindex='0']");
        await Expect(stops).ToHaveCountAsync(1);
        await stops.FocusAsync();
        var from = (await stops.GetAttributeAsync("data-date"))!;
        var date = DateOnly.ParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator($"button.day[data-date='{Iso(date.AddDays(1))}']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator($"button.day[data-date='{Iso(date.AddDays(8))}']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator($"button.day[data-date='{Iso(date.AddDays(7))}']")).ToBeFocusedAsync();
        await Expect(stops).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("PageDown");
        await WaitForMonthAsync(page);
        var nextMonth = date.AddDays(7).AddMonths(1);
        await Expect(page.Locator($"button.day[data-date='{Iso(nextMonth)}']")).ToBeFocusedAsync();

        // Tab leaves the grid at once: one stop for the whole month.
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual("day", await page.EvaluateAsync<string>("document.activeElement.classList[0] ?? ''"));
    }

    [Fact]
    public async Task Book_FieldErrors_AreShownBesideTheirFields()
    {
        var slug = await app.CreateHostAsync("fields");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[1];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(page, day);
        await Slot(page, start).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        var name = page.GetByLabel("Name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"#{await name.GetAttributeAsync("aria-describedby")}.field-error")).ToHaveTextAsync("Please enter your name.");
        await Expect(name).ToBeFocusedAsync();

        // The server's problem+json errors land beside the fields they name.
        await name.FillAsync("Grace Hopper");
        await page.GetByLabel("Email").FillAsync("grace@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        var email = page.GetByLabel("Email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await email.GetAttributeAsync("aria-describedby");
        await Expect(page.Locator($"#{describedBy}.field-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator($"#{describedBy}")).ToBeVisibleAsync();
        await Expect(name).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page, "the form with a server field error");
    }

    [Fact]
    public async Task Book_OnAPhone_TheTakenMessageIsInView()
    {
        var slug = await app.CreateHostAsync("phone");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[10];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 375, 740);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await ChooseAndFillAsync(page, day, start, "Grace Hopper");
        await app.BookAsync(slug, start);

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        var status = page.Locator("#page-status");
        await Expect(status).ToHaveTextAsync("That time was just taken. Please choose another time.");
        await Expect(status).ToBeInViewportAsync();
        await Expect(page.Locator("#booking-form")).ToBeHiddenAsync();
        await WaitForMonthAsync(page);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"));
        await Axe.AssertNoViolationsAsync(page, "the taken message on a phone");
    }

    [Fact]
    public async Task Book_ZonePicker_SearchesWithOffsetsAndTheClockSwitches()
    {
        var slug = await app.CreateHostAsync("zones");
        await using var visitor = await app.NewVisitorAsync("America/Los_Angeles");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await WaitForMonthAsync(page);
        await Expect(page.Locator("#zone option[value='Asia/Kolkata']")).ToHaveTextAsync(new Regex(@"^\(GMT\+05:30\) Asia/Kolkata · \d{2}:\d{2}$"));
        await Expect(page.Locator("#zone option[value='Asia/Calcutta']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#zone option[value='Europe/Kyiv']")).ToHaveCountAsync(1);

        await page.GetByLabel("Search time zones").FillAsync("kolk");
        await Expect(page.Locator("#zone-count")).ToHaveTextAsync("1 time zone");
        await Expect(page.Locator("#zone")).ToHaveValueAsync("Asia/Kolkata");
        await WaitForMonthAsync(page);
        await page.GetByLabel("Search time zones").FillAsync("+05:");
        await Expect(page.Locator("#zone-count")).ToHaveTextAsync(new Regex(@"^\d+ time zones$"));

        var firstSlot = page.Locator("button.slot").First;
        await Expect(firstSlot).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$"));
        await page.GetByLabel("12-hour").CheckAsync();
        await Expect(firstSlot).ToHaveTextAsync(new Regex(@"^\d{1,2}:\d{2}\s?(am|pm|AM|PM)$"));
        var box = await firstSlot.BoundingBoxAsync();
        Assert.True(box!.Height < 50, $"A time wraps onto two lines ({box.Height}px).");
    }

    [Fact]
    public async Task Book_FirstHtml_HasTitleAndHost_AndDesktopShowsMonthAndTimesSideBySide()
    {
        var slug = await app.CreateHostAsync("layout");
        var html = await app.Client.GetStringAsync($"/book/{slug}/intro");
        Assert.Contains("<h1 id=\"title\" tabindex=\"-1\" dir=\"auto\">Intro call</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"subtitle\" class=\"muted\">with Ada Lovelace</p>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Intro call with Ada Lovelace · Schedly</title>", html, StringComparison.Ordinal);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 1280, 800);
        var page = await visitor.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value; })
              .observe({ type: "layout-shift", buffered: true });
            """);
        await page.GotoAsync($"/book/{slug}/intro");
        await WaitForMonthAsync(page);
        await Expect(page.Locator("button.slot").First).ToBeVisibleAsync();
        var month = (await page.Locator(".picker-month").BoundingBoxAsync())!;
        var times = (await page.Locator(".day-slots").BoundingBoxAsync())!;
        Assert.True(times.X >= month.X + month.Width - 1, "The day's times sit beside the month on a desktop.");
        var shift = await page.EvaluateAsync<double>("window.__shift");
        Assert.True(shift < 0.1, $"Cumulative layout shift {shift}");
    }
}
