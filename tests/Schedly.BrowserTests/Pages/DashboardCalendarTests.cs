using System.Globalization;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The dashboard's Calendars section in a real Chromium, with a feed served on loopback: add, see it synced, refresh, rename, remove.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardCalendarTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Dashboard_AddCalendar_SyncsRefreshesRenamesAndRemovesIt()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashcal");
        await using var feeds = await FeedServer.StartAsync();
        feeds.Calendar = TwoEvents(DateTime.UtcNow.Date.AddDays(3));

        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Work");
        await page.GetByLabel("Secret address").FillAsync(feeds.Url("/normal.ics").AbsoluteUri);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add calendar" }).ClickAsync();

        var item = page.Locator("#calendar-list li.calendar-item[data-id='work']");
        await Expect(item).ToContainTextAsync("Synced");
        await Expect(item).ToContainTextAsync("2 busy times");
        await Expect(item).ToContainTextAsync($"http://{feeds.BaseUrl.Authority}/…");
        Assert.DoesNotContain("normal.ics", await page.Locator("#calendars").InnerTextAsync(), StringComparison.Ordinal);

        await item.GetByRole(AriaRole.Button, new() { Name = "Refresh calendar: Work" }).ClickAsync();
        await Expect(page.Locator("#calendar-status")).ToHaveTextAsync("Work: refresh requested.");
        await WaitUntilAsync(() => feeds.NotModified > 0); // the refresh asked with the ETag and got 304
        await Expect(item).ToContainTextAsync("Synced");

        await item.GetByRole(AriaRole.Button, new() { Name = "Rename calendar: Work" }).ClickAsync();
        await page.GetByLabel("New name for Work").FillAsync("Office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(item.Locator(".calendar-name")).ToHaveTextAsync("Office");
        await Expect(item).ToContainTextAsync("2 busy times");

        await item.GetByRole(AriaRole.Button, new() { Name = "Remove calendar: Office" }).ClickAsync();
        await Expect(page.Locator("#calendar-list li.calendar-item")).ToHaveCountAsync(0);
        await Expect(page.Locator("#calendar-status")).ToContainTextAsync("Office removed");
    }

    private static string TwoEvents(DateTime day)
    {
        static string At(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Schedly tests//EN",
            "BEGIN:VEVENT", "UID:one@test", $"DTSTART:{At(day.AddHours(10))}", $"DTEND:{At(day.AddHours(11))}", "END:VEVENT",
            "BEGIN:VEVENT", "UID:two@test", $"DTSTART:{At(day.AddDays(1).AddHours(10))}", $"DTEND:{At(day.AddDays(1).AddHours(12))}", "END:VEVENT",
            "END:VCALENDAR", "");
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(BrowserAppFixture.WaitMilliseconds);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}
