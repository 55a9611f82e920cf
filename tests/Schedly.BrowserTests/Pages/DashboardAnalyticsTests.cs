using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The dashboard's analytics in Chromium at desktop and phone width: the default window around today (so upcoming
/// bookings count), "last updated" from the roll-up, collected/refunded/expected revenue, and daily charts drawn by
/// uPlot on a canvas with a table of the same numbers; axe-core finds nothing.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardAnalyticsTests(BrowserAppFixture app)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Analytics_DefaultWindowAroundToday_DrawsUPlotChartsWithTablesAndLastUpdated(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashstats");
        var day = BrowserAppFixture.DayAhead(2);
        var starts = await app.SlotStartsAsync(slug, day);
        await app.BookAsync(slug, starts[1]);
        var (cancelledId, _) = await app.BookAsync(slug, starts[5]);
        using (var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{cancelledId}/cancel") { Content = JsonContent.Create(new { }) })
        {
            cancel.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var cancelled = await app.Client.SendAsync(cancel);
            Assert.True(cancelled.IsSuccessStatusCode, $"cancel: {(int)cancelled.StatusCode}");
        }

        await app.RollUpAnalyticsAsync(slug);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await SignInAsync(page, slug, apiKey);

        // The default window is the past and the next 30 days: the upcoming bookings count without choosing dates.
        var today = BrowserAppFixture.DayAhead(0);
        await Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(Iso(today.AddDays(-30)));
        await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync(Iso(today.AddDays(30)));
        await Expect(page.Locator("#analytics-updated")).ToContainTextAsync("Last updated ");

        var totals = page.Locator("#analytics-totals");
        await Expect(totals.Locator("[data-total='booked'] dd")).ToHaveTextAsync("2");
        await Expect(totals.Locator("[data-total='cancelled'] dd")).ToHaveTextAsync("1");
        await Expect(totals.Locator("[data-total='cancellationRate'] dd")).ToHaveTextAsync("50%");
        await Expect(totals.Locator("[data-total='expected'] dd")).ToHaveTextAsync("€50.00");
        await Expect(totals.Locator("[data-total='collected'] dd")).ToHaveTextAsync("—");
        await Expect(totals.Locator("[data-total='refunded'] dd")).ToHaveTextAsync("—");

        // uPlot drew each chart on a canvas (hidden from assistive technology); the table says the same numbers.
        var perDay = page.Locator("figure[data-chart='bookings-per-day']");
        await Expect(perDay.Locator("figcaption")).ToHaveTextAsync("Bookings per day (dashed line: today)");
        await Expect(perDay.Locator(".chart-plot[aria-hidden='true'] .uplot canvas")).ToHaveCountAsync(1);
        var canvasWidth = await perDay.Locator("canvas").EvaluateAsync<double>("c => c.getBoundingClientRect().width");
        Assert.InRange(canvasWidth, 200, width);
        await perDay.GetByText("Show as a table").ClickAsync();
        var dayRow = perDay.Locator($"tr[data-date='{Iso(day)}']");
        await Expect(dayRow.Locator("td")).ToHaveTextAsync(["2", "1"]);
        await Expect(perDay.Locator("tbody tr")).ToHaveCountAsync(61);
        var revenue = page.Locator("figure[data-chart='revenue-EUR']");
        await Expect(revenue.Locator(".uplot canvas")).ToHaveCountAsync(1);
        await revenue.GetByText("Show as a table").ClickAsync();
        await Expect(revenue.Locator($"tr[data-date='{Iso(day)}'] td")).ToHaveTextAsync(["€0.00", "€0.00", "€50.00"]);
        await Accessibility.AssertNoViolationsAsync(page);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"analytics overflows sideways by {overflow}px at {width}px");
        await perDay.GetByText("Show as a table").ClickAsync();
        await revenue.GetByText("Show as a table").ClickAsync();
        var shot = Path.Combine(app.ArtifactsDirectory, $"dashboard-analytics-{device}.png");
        await page.Locator("#analytics").ScreenshotAsync(new LocatorScreenshotOptions { Path = shot, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(shot).Length > 1_000, shot);
        Assert.Empty(consoleErrors);
    }
}
