using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using Schedly.Testing;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The dashboard's editors in a real Chromium at desktop and phone width: the profile with its photo (and the photo on
/// the booking page), the event-type editor (slug from the title, a price typed the German way, hours and minutes,
/// reminders, approval and payment with the server's error inline), copying a day's hours, overrides picked on the
/// small calendar, and calendar feeds with their status. axe-core finds no violation in any state checked. At desktop
/// width each editor is also saved under docs/images when missing (or with SCHEDLY_UPDATE_DOCS_SCREENSHOT=1).
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardEditorTests(BrowserAppFixture app)
{
    /// <summary>A 1×1 PNG (a real, decodable image).</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Profile_SavesNameZoneLocaleBio_AndThePhotoShowsOnTheBookingPage(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("profile");
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        var profile = page.Locator("#profile-form");

        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Ada Lovelace");
        await page.GetByLabel("Time zone").FillAsync("Mars/Base");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#profile-status")).ToHaveTextAsync("Please correct the fields marked below.");
        await Expect(page.GetByLabel("Time zone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(profile.Locator(".field-error")).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Your name").FillAsync("Ada King");
        await page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByLabel("Bio").FillAsync("Mathématicienne.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#profile-status")).ToHaveTextAsync("Profile saved.");
        await Expect(page.Locator("#subtitle")).ToHaveTextAsync("Ada King · Europe/Paris");
        await Expect(page.Locator("#hours-zone")).ToHaveTextAsync("Europe/Paris");

        // A file that is not an image: the server's reason beside the input, nothing stored.
        await page.GetByLabel("Photo").SetInputFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
        await Expect(page.Locator("#profile-photo-status")).ToHaveTextAsync("Not saved: A JPEG, PNG or WebP image.");
        await Expect(page.GetByLabel("Photo")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Photo").SetInputFilesAsync(new FilePayload { Name = "ada.png", MimeType = "image/png", Buffer = OnePixelPng });
        await Expect(page.Locator("#profile-photo-status")).ToHaveTextAsync("Photo saved. It shows on your booking page.");
        var preview = page.Locator("#profile-photo-image");
        await Expect(preview).ToBeVisibleAsync();
        var photoUrl = await preview.GetAttributeAsync("src");
        Assert.StartsWith($"/api/hosts/{slug}/photos/", photoUrl, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove photo" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await SaveDocsImageAsync(profile, device, "dashboard-profile");

        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync($"/book/{slug}");
        var hostImage = visitor.Locator("#host-image");
        await Expect(hostImage).ToBeVisibleAsync();
        await Expect(hostImage).ToHaveAttributeAsync("src", photoUrl!);
        await Expect(visitor.Locator("#host-bio")).ToHaveTextAsync("Mathématicienne.");
        Assert.Equal(1, await hostImage.EvaluateAsync<int>("img => img.naturalWidth"));
        var saved = await ConfigAsync(slug, apiKey);
        Assert.Equal("fr", saved.GetProperty("locale").GetString());
        Assert.Equal(photoUrl, saved.GetProperty("imageUrl").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove photo" }).ClickAsync();
        await Expect(page.Locator("#profile-photo-status")).ToHaveTextAsync("Photo removed.");
        await Expect(preview).ToBeHiddenAsync();
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("#host-image")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task EventTypeEditor_GermanHost_SlugFromTitlePriceWithCommaHoursAndMinutesRemindersAndSwitches(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("editors");
        await app.PutHostAsync(slug, new Dictionary<string, object> { ["locale"] = "de" });
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        var editor = page.Locator("#type-form");

        // The stored price is shown the German way.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await Expect(page.Locator("#type-price")).ToHaveValueAsync("50,00");
        await Expect(page.GetByLabel("Duration, hours")).ToHaveValueAsync("0");
        await Expect(page.GetByLabel("Duration, minutes")).ToHaveValueAsync("30");

        await page.GetByRole(AriaRole.Button, new() { Name = "New event type" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Intro Call");
        await Expect(page.GetByLabel("Slug")).ToHaveValueAsync("intro-call");
        await page.GetByLabel("Title").FillAsync("Café für Zwei");
        await Expect(page.GetByLabel("Slug")).ToHaveValueAsync("cafe-fur-zwei");
        await Expect(page.Locator("#type-link")).ToContainTextAsync($"/book/{slug}/cafe-fur-zwei");
        await page.GetByLabel("Duration, hours").FillAsync("1");
        await page.GetByLabel("Duration, minutes").FillAsync("30");
        await page.GetByLabel("Buffer after, minutes").FillAsync("15");
        await page.GetByLabel("Minimum notice, hours").FillAsync("2");
        await page.GetByLabel("Slot interval (minutes)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add reminder" }).ClickAsync();
        await Expect(page.GetByLabel("Reminder 1: how long before")).ToHaveValueAsync("1");
        await Expect(page.GetByLabel("Reminder 1: unit")).ToHaveValueAsync("days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add reminder" }).ClickAsync();
        await Expect(page.GetByLabel("Reminder 2: unit")).ToHaveValueAsync("hours");

        // Payment without a price: the server's error, beside the switch.
        await page.GetByLabel("Clients pay when booking").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await ExpectOneEditorFieldErrorAsync(page, page.GetByLabel("Clients pay when booking"), "payment.required");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Clients pay when booking").UncheckAsync();
        await page.GetByLabel("I approve each booking").CheckAsync();
        await page.Locator("#type-price").FillAsync("150,00");
        await page.GetByLabel("Currency").FillAsync("eur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");
        await Expect(page.Locator("#type-price")).ToHaveValueAsync("150,00");
        await Expect(page.GetByLabel("Duration, hours")).ToHaveValueAsync("1");
        await Expect(page.GetByLabel("Minimum notice, hours")).ToHaveValueAsync("2");
        await Expect(page.GetByLabel("I approve each booking")).ToBeCheckedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await SaveDocsImageAsync(editor, device, "dashboard-event-type");

        var saved = (await ConfigAsync(slug, apiKey)).GetProperty("eventTypes").GetProperty("cafe-fur-zwei");
        Assert.Equal("Café für Zwei", saved.GetProperty("title").GetString());
        Assert.Equal("150.00", saved.GetProperty("price").GetProperty("amount").GetString());
        Assert.Equal(90, saved.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(15, saved.GetProperty("bufferAfterMinutes").GetInt32());
        Assert.Equal(120, saved.GetProperty("minimumNoticeMinutes").GetInt32());
        Assert.Equal([1440, 60], saved.GetProperty("reminderOffsetsMinutes").EnumerateArray().Select(e => e.GetInt32()).Order().Reverse());
        Assert.True(saved.GetProperty("requiresApproval").GetBoolean());
        Assert.False(saved.GetProperty("payment").GetProperty("required").GetBoolean());
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Hours_SecondIntervalAfterABreak_CopyToWeekdays_RemoveButtonsFitAFinger(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("hourscopy");
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        var monday = page.Locator("#weekly-monday");
        await monday.GetByLabel("Monday hours 1 until").FillAsync("12:00");
        await monday.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await Expect(monday.GetByLabel("Monday hours 2 from")).ToHaveValueAsync("13:00");
        await Expect(monday.GetByLabel("Monday hours 2 until")).ToHaveValueAsync("16:00");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy to weekdays: Monday's hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Monday's hours copied to Tuesday, Wednesday, Thursday, Friday. Save hours to keep them.");
        var friday = page.Locator("#weekly-friday");
        await Expect(friday.GetByLabel("Friday hours 2 from")).ToHaveValueAsync("13:00");
        await Expect(page.Locator("#weekly-saturday li.interval")).ToHaveCountAsync(1);

        foreach (var remove in await friday.GetByRole(AriaRole.Button, new() { Name = "Remove Friday hours" }).AllAsync())
        {
            var box = await remove.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= 44 && box.Height >= 44, $"a remove button at {device} width is {box.Width}×{box.Height}px");
        }

        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");
        var weekly = (await ConfigAsync(slug, apiKey)).GetProperty("availability").GetProperty("weekly");
        Assert.Equal(["09:00-12:00", "13:00-16:00"], Intervals(weekly.GetProperty("thursday")));
        Assert.Equal(["09:00-17:00"], Intervals(weekly.GetProperty("sunday")));
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Overrides_PickedOnTheSmallCalendar_AreSavedClosed(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("overcal");
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        var calendar = page.Locator("#override-calendar");

        // A date next month, so it is never in the past: move there, choose it.
        var target = BrowserAppFixture.DayAhead(0).AddMonths(1);
        target = new DateOnly(target.Year, target.Month, 10);
        await calendar.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        var day = calendar.Locator($"button[data-date='{Iso(target)}']");
        await Expect(day).ToHaveAttributeAsync("aria-pressed", "false");
        await day.ClickAsync();

        await Expect(day).ToHaveAttributeAsync("aria-pressed", "true");
        var row = page.Locator("#overrides li.override").Last;
        await Expect(row.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(Iso(target));
        await Expect(row.GetByLabel("Closed", new() { Exact = true })).ToBeCheckedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await SaveDocsImageAsync(page.Locator("#hours-form"), device, "dashboard-hours");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");
        var overrides = (await ConfigAsync(slug, apiKey)).GetProperty("availability").GetProperty("overrides");
        var saved = Assert.Single(overrides.EnumerateArray());
        Assert.Equal(Iso(target), saved.GetProperty("date").GetString());
        Assert.Equal(0, saved.GetProperty("intervals").GetArrayLength());

        // Removing the row clears the mark.
        await calendar.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove date override 1" }).ClickAsync();
        await Expect(calendar.Locator($"button[data-date='{Iso(target)}']")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Calendars_ShowStatusLastSyncBusyCountAndError(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("calstate");
        await using var feeds = await FeedServer.StartAsync();
        var day = DateTime.UtcNow.Date.AddDays(3);
        feeds.Calendar = string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Schedly tests//EN",
            "BEGIN:VEVENT", "UID:one@test", $"DTSTART:{day.AddHours(10):yyyyMMdd'T'HHmmss'Z'}", $"DTEND:{day.AddHours(11):yyyyMMdd'T'HHmmss'Z'}", "END:VEVENT",
            "END:VCALENDAR", "");
        await using var context = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await context.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        var form = page.Locator("#calendar-form");

        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Work");
        await form.GetByLabel("Secret address").FillAsync(feeds.Url("/normal.ics").AbsoluteUri);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add calendar" }).ClickAsync();
        var work = page.Locator("#calendar-list li.calendar-item[data-id='work']");
        await Expect(work).ToContainTextAsync("Synced");
        await Expect(work).ToContainTextAsync("1 busy time");
        await Expect(work.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^\\d{4}-\\d{2}-\\d{2}T"));

        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Broken");
        await form.GetByLabel("Secret address").FillAsync(feeds.Url("/error.ics").AbsoluteUri);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add calendar" }).ClickAsync();
        var broken = page.Locator("#calendar-list li.calendar-item[data-id='broken']");
        await Expect(broken).ToContainTextAsync("Failing");
        await Expect(broken.Locator(".calendar-error")).Not.ToBeEmptyAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await SaveDocsImageAsync(page.Locator("#calendars"), device, "dashboard-calendars");
    }

    private static List<string> Intervals(JsonElement day) =>
        [.. day.EnumerateArray().Select(i => $"{i.GetProperty("start").GetString()![..5]}-{i.GetProperty("end").GetString()![..5]}")];

    private async Task<JsonElement> ConfigAsync(string slug, string apiKey)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await app.Client.SendAsync(read);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>At desktop width: the editor as docs/PAGES.md shows it.</summary>
    private static Task SaveDocsImageAsync(ILocator section, string device, string name) =>
        device == "desktop" ? DocsImages.SaveAsync(section, name) : Task.CompletedTask;
}
