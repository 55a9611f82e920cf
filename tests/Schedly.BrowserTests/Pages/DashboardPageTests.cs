using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The host dashboard (/dashboard/{host}) in a real Chromium: sign-in with the API key, weekly hours, bookings.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardPageTests(BrowserAppFixture app)
{
    private const string KeyStorage = "schedly.dashboard.key:";

    [Fact]
    public async Task Dashboard_ChangeMondayHours_TheBookingPageShowsTheNewHours()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashhours");
        var monday = NextMonday();
        Assert.Equal(16, (await app.SlotStartsAsync(slug, monday)).Count);

        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        var requests = new List<IRequest>();
        var consoleErrors = new List<string>();
        page.Request += (_, request) => requests.Add(request);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await SignInAsync(page, slug, apiKey);

        var mondayHours = page.Locator("#weekly-monday");
        await Expect(mondayHours.Locator("li.interval")).ToHaveCountAsync(1);
        await mondayHours.GetByLabel("Monday hours 1 from").FillAsync("10:00");
        await mondayHours.GetByLabel("Monday hours 1 until").FillAsync("12:00");
        await mondayHours.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await Expect(mondayHours.GetByLabel("Monday hours 2 from")).ToBeFocusedAsync();
        await mondayHours.GetByLabel("Monday hours 2 from").FillAsync("14:00");
        await mondayHours.GetByLabel("Monday hours 2 until").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");

        // The key is kept in sessionStorage only and travels in the Authorization header, never in a URL.
        Assert.Equal(apiKey, await page.EvaluateAsync<string>($"sessionStorage.getItem('{KeyStorage}{slug}')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.All(requests, r => Assert.DoesNotContain(apiKey, r.Url, StringComparison.Ordinal));
        Assert.Empty(consoleErrors); // no CSP violations, no script errors
        var put = requests.Single(r => r.Method == "PUT" && r.Url.EndsWith($"/api/admin/hosts/{slug}/availability", StringComparison.Ordinal));
        Assert.Equal($"Bearer {apiKey}", await put.HeaderValueAsync("authorization"));

        var visitor = await hostContext.NewPageAsync();
        await visitor.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(visitor, monday);
        await Expect(visitor.Locator("ul.slot-list button.slot")).ToHaveTextAsync(["10:00", "10:30", "11:00", "11:30", "14:00", "14:30"]);
        Assert.Equal(16, (await app.SlotStartsAsync(slug, monday.AddDays(1))).Count);
    }

    [Fact]
    public async Task Dashboard_BookingMadeThroughTheApi_IsUpcomingAndCanBeCancelled()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashcancel");
        var day = BrowserAppFixture.DayAhead(2);
        var start = (await app.SlotStartsAsync(slug, day))[4];
        var (id, token) = await app.BookAsync(slug, start);

        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        var item = page.Locator($"#booking-days li.booking-item[data-id='{id}']");
        await Expect(item).ToContainTextAsync("Grace Hopper");
        await Expect(item.Locator("time")).ToContainTextAsync(Local(start, 30, BrowserAppFixture.HostZone).Range);
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Mark no-show: Grace Hopper" })).ToHaveCountAsync(0);
        await item.GetByRole(AriaRole.Button, new() { Name = "Cancel booking: Grace Hopper" }).ClickAsync();
        var reason = item.GetByLabel("Reason (sent to the client)");
        await Expect(reason).ToBeFocusedAsync();
        await reason.FillAsync("Host is travelling");
        await reason.PressAsync("Enter");

        await Expect(page.Locator("#bookings-status")).ToContainTextAsync("Cancelled: Grace Hopper");
        await Expect(page.Locator($"li.booking-item[data-id='{id}']")).ToHaveCountAsync(0);

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.Client.SendAsync(read);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", booking.GetProperty("status").GetString());
        Assert.Equal("Host is travelling", booking.GetProperty("cancelReason").GetString());
        Assert.Contains(start, await app.SlotStartsAsync(slug, day));
    }

    [Fact]
    public async Task Dashboard_InvalidHoursAndAClosedDate_ShowsTheFieldErrorThenSavesTheOverride()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashover");
        var closed = BrowserAppFixture.DayAhead(3);
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        var tuesdayUntil = page.Locator("#weekly-tuesday").GetByLabel("Tuesday hours 1 until");
        await tuesdayUntil.FillAsync("08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a date" }).ClickAsync();
        var date = page.Locator("#overrides li.override").Last.GetByLabel("Date", new() { Exact = true });
        await Expect(date).ToBeFocusedAsync();
        await date.FillAsync(Iso(closed));
        await Expect(page.Locator("#overrides li.override").Last.GetByLabel("Closed", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();

        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Please correct the hours marked below.");
        await Expect(tuesdayUntil).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tuesdayUntil).ToBeFocusedAsync();
        await Expect(page.Locator("#hours-errors")).ToContainTextAsync("weekly.tuesday[0].end: Must be after start.");
        await Expect(page.Locator("#weekly-tuesday .field-error")).ToHaveTextAsync("Must be after start.");
        Assert.NotEmpty(await app.SlotStartsAsync(slug, closed));

        await tuesdayUntil.FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");
        await Expect(page.Locator("#hours-errors li")).ToHaveCountAsync(0);
        Assert.Empty(await app.SlotStartsAsync(slug, closed));
        Assert.Equal(16, (await app.SlotStartsAsync(slug, closed.AddDays(1))).Count);
    }

    [Fact]
    public async Task Dashboard_EventTypes_CreateEditAndDeactivate_ShowOnTheBookingPage()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashtypes");
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        await page.GetByRole(AriaRole.Button, new() { Name = "New event type" }).ClickAsync();
        await Expect(page.GetByLabel("Title")).ToBeFocusedAsync();
        await page.GetByLabel("Slug").FillAsync("deep-dive");
        await page.GetByLabel("Title").FillAsync("Deep dive");
        await page.GetByLabel("Description").FillAsync("Two hours on one problem.");
        await page.GetByLabel("Duration, hours").FillAsync("2");
        await page.GetByLabel("Duration, minutes").FillAsync("0");
        await page.GetByLabel("Slot interval (minutes)").FillAsync("60");
        await page.GetByLabel("Daily limit").FillAsync("2");
        await page.Locator("#type-price").FillAsync("200.00");
        await page.GetByLabel("Currency").FillAsync("eur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");
        await Expect(page.Locator("#type-list li[data-slug='deep-dive']")).ToContainTextAsync("Deep dive");
        await Expect(page.GetByLabel("Slug")).ToHaveAttributeAsync("readonly", "");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToContainTextAsync("Deactivated");
        await Expect(page.Locator("#type-list li[data-slug='intro']")).ToContainTextAsync("Inactive");

        var visitor = await hostContext.NewPageAsync();
        await visitor.GotoAsync($"/book/{slug}");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Deep dive" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Intro call" })).ToHaveCountAsync(0);

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await app.Client.SendAsync(read);
        var deepDive = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventTypes").GetProperty("deep-dive");
        Assert.Equal(120, deepDive.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(2, deepDive.GetProperty("maxBookingsPerDay").GetInt32());
        Assert.Equal("EUR", deepDive.GetProperty("price").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Dashboard_EventTypeEditor_ShowsTheServersFieldErrorsBesideTheFields()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dasherrs");
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save event type" });

        // The page does not re-check the slug's shape: a double hyphen goes to the server, which refuses it.
        await page.GetByRole(AriaRole.Button, new() { Name = "New event type" }).ClickAsync();
        await page.GetByLabel("Slug").FillAsync("deep--dive");
        await page.GetByLabel("Title").FillAsync("Deep dive");
        await save.ClickAsync();
        await ExpectOneEditorFieldErrorAsync(page, page.GetByLabel("Slug"), "eventType");

        // Nor the price format or the minute ranges: each error the server lists is shown beside its field.
        await page.GetByLabel("Slug").FillAsync("deep-dive");
        await page.GetByLabel("Duration, hours").FillAsync("0");
        await page.GetByLabel("Duration, minutes").FillAsync("0");
        await page.Locator("#type-price").FillAsync("12.345");
        await page.GetByLabel("Currency").FillAsync("EUR");
        await save.ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Please correct the fields marked below.");
        await Expect(page.GetByLabel("Slug")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Duration, hours")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#type-price")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#type-errors li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#type-form .field-error")).ToHaveCountAsync(2);

        // Empty fields are sent as null: the server fills in its defaults.
        await page.GetByLabel("Duration, hours").FillAsync("");
        await page.GetByLabel("Duration, minutes").FillAsync("");
        await page.Locator("#type-price").FillAsync("12.50");
        await save.ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");
        await Expect(page.Locator("#type-errors li")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Duration, hours")).ToHaveValueAsync("0");
        await Expect(page.GetByLabel("Duration, minutes")).ToHaveValueAsync("30");
        await Expect(page.GetByLabel("Slot interval (minutes)")).ToHaveValueAsync("30");
    }

    [Fact]
    public async Task Dashboard_WrongKey_ShowsTheProblemDetail_ThenSignInAndSignOut()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashkey");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "hk_not-the-right-key");
        using var wrongResponse = await app.Client.SendAsync(wrong);
        var detail = (await wrongResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));

        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await page.GotoAsync($"/dashboard/{slug}");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync(); // the emailed link first; the key is the alternative
        await page.GetByLabel("API key").FillAsync("hk_not-the-right-key");
        await page.GetByLabel("API key").PressAsync("Enter");

        await Expect(page.Locator("#signin-status")).ToHaveTextAsync(detail!);
        await Expect(page.Locator("#signin-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("error"));
        await Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#dashboard")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("sessionStorage.length"));

        await page.GetByLabel("API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#subtitle")).ToContainTextAsync("Ada Lovelace");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.Locator("#signin-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#dashboard")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("sessionStorage.length"));
        await page.ReloadAsync();
        await Expect(page.Locator("#signin-form")).ToBeVisibleAsync();
    }

    private static DateOnly NextMonday()
    {
        var day = BrowserAppFixture.DayAhead(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
