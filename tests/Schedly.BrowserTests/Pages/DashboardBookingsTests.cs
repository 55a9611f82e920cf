using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NodaTime;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The dashboard's bookings list in Chromium at desktop and phone width: the four filters, search by client email,
/// paging past 30 days, the host's reschedule, bulk cancel, and approve/decline; axe-core after each state.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardBookingsTests(BrowserAppFixture app)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Bookings_FiltersSearchAndPagingBeyondThirtyDays(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashlist");
        var (first, second, far) = (BrowserAppFixture.DayAhead(2), BrowserAppFixture.DayAhead(3), BrowserAppFixture.DayAhead(45));
        for (var i = 0; i < 20; i++)
        {
            await StoredBookings.InsertAsync(app, slug, StoredBookings.At(i < 10 ? first : second, 9 + (i % 10 / 2), i % 2 * 30), $"Client {i}", $"client{i}@example.com");
        }

        var farId = await StoredBookings.InsertAsync(app, slug, StoredBookings.At(far, 10), "Far Away", "Late.Comer@example.com", "Asia/Tokyo");
        var pastId = await StoredBookings.InsertAsync(app, slug, SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(2), "Past Pat", "pat@example.com", BrowserAppFixture.HostZone);
        var cancelledId = await StoredBookings.InsertAsync(app, slug, StoredBookings.At(BrowserAppFixture.DayAhead(4), 11), "Called Off", "off@example.com");
        await AdminPostAsync(apiKey, $"/api/admin/hosts/{slug}/bookings/{cancelledId}/cancel");

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        // Upcoming: the first page of 20, grouped by day in the host's zone, with the client's clock when it differs.
        var list = page.Locator("#booking-days");
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(20);
        await Expect(list.Locator("section.booking-day")).ToHaveCountAsync(2);
        await Expect(list.Locator($"section.booking-day[data-date='{Iso(first)}'] h3")).ToBeVisibleAsync();
        var row = list.Locator("li.booking-item").First;
        await Expect(row.Locator(".client-time")).ToContainTextAsync("for the client (America/New_York)");
        await Expect(row.Locator(".booking-facts")).ToHaveTextAsync("Intro call · 30 min · €50.00");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#bookings-status")).ToHaveTextAsync("Upcoming: 20 bookings, more to show.");
        await Accessibility.AssertNoViolationsAsync(page);

        // Paging: the next page comes from the server's continuation token and reaches 45 days ahead.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(list.Locator($"li.booking-item[data-id='{farId}']")).ToBeVisibleAsync();
        await Expect(list.Locator($"section.booking-day[data-date='{Iso(far)}']")).ToHaveCountAsync(1);
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(21);
        await Expect(list.Locator($"li.booking-item[data-id='{farId}'] .client-time")).ToContainTextAsync("(Asia/Tokyo)");

        // Search by part of the client's email, any case.
        await page.GetByLabel("Find a client").FillAsync("late.comer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(1);
        await Expect(list.Locator($"li.booking-item[data-id='{farId}']")).ToBeVisibleAsync();
        await page.GetByLabel("Find a client").FillAsync("");

        await page.GetByLabel("Past").CheckAsync();
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(1);
        await Expect(list.Locator($"li.booking-item[data-id='{pastId}']")).ToContainTextAsync("Past Pat");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show 30 days earlier" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Cancelled").CheckAsync();
        var cancelled = list.Locator($"li.booking-item[data-id='{cancelledId}']");
        await Expect(cancelled.Locator(".badge")).ToHaveTextAsync("Cancelled");
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(1);
        await Expect(cancelled.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Pending").CheckAsync();
        await Expect(page.Locator("#bookings-empty")).ToHaveTextAsync("No bookings to show.");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Upcoming").CheckAsync();
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(20);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the bookings list overflows sideways by {overflow}px at {width}px");
        var shot = Path.Combine(app.ArtifactsDirectory, $"dashboard-bookings-{device}.png");
        // The section's top (filters and the first rows) keeps the picture small.
        var box = (await page.Locator("#bookings").BoundingBoxAsync())!;
        var scrolled = await page.EvaluateAsync<float>("window.scrollY"); // the box is where the viewport shows it
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = shot,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Clip = new Clip { X = box.X, Y = box.Y + scrolled, Width = box.Width, Height = Math.Min(box.Height, 1000) },
        });
        Assert.True(new FileInfo(shot).Length > 1_000, shot);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Bookings_HostReschedulesOneAndCancelsTwoTogether(int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashmove");
        var day = BrowserAppFixture.DayAhead(2);
        var starts = await app.SlotStartsAsync(slug, day);
        var (movedId, token) = await app.BookAsync(slug, starts[1]);
        var firstId = await StoredBookings.InsertAsync(app, slug, StoredBookings.At(BrowserAppFixture.DayAhead(3), 9), "Alan Turing", "alan@example.com");
        var secondId = await StoredBookings.InsertAsync(app, slug, StoredBookings.At(BrowserAppFixture.DayAhead(3), 10), "Edsger Dijkstra", "edsger@example.com");

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        var item = page.Locator($"li.booking-item[data-id='{movedId}']");
        await item.GetByRole(AriaRole.Button, new() { Name = "Reschedule: Grace Hopper" }).ClickAsync();
        var date = item.GetByLabel($"New date ({BrowserAppFixture.HostZone})");
        await Expect(date).ToBeFocusedAsync();
        await Expect(date).ToHaveValueAsync(Iso(day));
        var slot = item.GetByLabel("Free time");
        await Expect(slot.Locator($"option[value='{starts[10]}']")).ToHaveCountAsync(1);
        await Expect(slot.Locator($"option[value='{starts[1]}']")).ToHaveCountAsync(0); // its own time is taken
        await Accessibility.AssertNoViolationsAsync(page);
        await slot.SelectOptionAsync(starts[10]);
        await item.GetByRole(AriaRole.Button, new() { Name = "Move booking" }).ClickAsync();

        await Expect(page.Locator("#bookings-status")).ToContainTextAsync("Moved: Grace Hopper");
        await Expect(page.Locator($"li.booking-item[data-id='{movedId}'] time")).ToContainTextAsync(Local(starts[10], 30, BrowserAppFixture.HostZone).Range);
        using (var read = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{movedId}"))
        {
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await app.Client.SendAsync(read);
            Assert.Equal(starts[10], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetString());
        }

        Assert.Contains(starts[1], await app.SlotStartsAsync(slug, day));

        await page.GetByLabel("Select Alan Turing", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Select Edsger Dijkstra", new() { Exact = false }).CheckAsync();
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("2 bookings selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel selected" }).ClickAsync();
        await Expect(page.Locator("#bulk-question")).ToHaveTextAsync("Cancel 2 bookings? Each client is told.");
        await Expect(page.GetByLabel("Reason (sent to each client)")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Reason (sent to each client)").FillAsync("Conference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel these bookings" }).ClickAsync();

        await Expect(page.Locator("#bookings-status")).ToHaveTextAsync("Cancelled 2 bookings.");
        await Expect(page.Locator("li.booking-item")).ToHaveCountAsync(1);
        await Expect(page.Locator("#bulk-bar")).ToBeHiddenAsync();
        await page.GetByLabel("Cancelled").CheckAsync();
        await Expect(page.Locator($"li.booking-item[data-id='{firstId}'] .badge")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator($"li.booking-item[data-id='{secondId}'] .badge")).ToHaveTextAsync("Cancelled");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Bookings_PendingRequests_ApproveOneDeclineTheOther(int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashanswer");
        await app.PutIntroAsync(slug, apiKey, new { title = "Intro call", durationMinutes = 30, requiresApproval = true });
        var starts = await app.SlotStartsAsync(slug, BrowserAppFixture.DayAhead(2));
        var (approveId, _) = await app.BookAsync(slug, starts[2]);
        var (declineId, _) = await app.BookAsync(slug, starts[6]);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, slug, apiKey);
        await page.GetByLabel("Pending").CheckAsync();

        var list = page.Locator("#booking-days");
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(2);
        await Expect(list.Locator($"li.booking-item[data-id='{approveId}'] .badge")).ToHaveTextAsync("Awaiting your answer");
        await Accessibility.AssertNoViolationsAsync(page);

        await list.Locator($"li.booking-item[data-id='{approveId}']").GetByRole(AriaRole.Button, new() { Name = "Approve request: Grace Hopper" }).ClickAsync();
        await Expect(page.Locator("#bookings-status")).ToHaveTextAsync("Approved: Grace Hopper.");
        await Expect(list.Locator("li.booking-item")).ToHaveCountAsync(1);
        await list.Locator($"li.booking-item[data-id='{declineId}']").GetByRole(AriaRole.Button, new() { Name = "Decline request: Grace Hopper" }).ClickAsync();
        await Expect(page.Locator("#bookings-status")).ToHaveTextAsync("Declined: Grace Hopper.");
        await Expect(page.Locator("#bookings-empty")).ToBeVisibleAsync();

        await page.GetByLabel("Upcoming").CheckAsync();
        await Expect(list.Locator($"li.booking-item[data-id='{approveId}'] .badge")).ToHaveTextAsync("Confirmed");
        await page.GetByLabel("Cancelled").CheckAsync();
        await Expect(list.Locator($"li.booking-item[data-id='{declineId}'] .badge")).ToHaveTextAsync("Declined");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task AdminPostAsync(string apiKey, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await app.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
    }
}
