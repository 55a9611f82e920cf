using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// A seated event type on the booking page (each time says how many seats are left, and a client books one) and in the
/// host's dashboard (the editor sets the seats; each seat of a session says how many the session holds).
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class SeatedBookingPageTests(BrowserAppFixture app)
{
    /// <summary>A host whose intro is a class of <paramref name="seats"/> seats, an hour each; the free starts of a day ahead.</summary>
    private async Task<(string Slug, DateOnly Day, List<string> Starts)> ClassAsync(string prefix, int seats, int daysAhead)
    {
        var (slug, key) = await app.CreateHostWithKeyAsync(prefix);
        await app.PutIntroAsync(slug, key, new { title = "Yoga class", durationMinutes = 60, slotIntervalMinutes = 60, seats });
        var day = BrowserAppFixture.DayAhead(daysAhead);
        return (slug, day, await app.SlotStartsAsync(slug, day));
    }

    [Fact]
    public async Task SeatedType_TimesSaySeatsLeft_BookingASeatTakesOne()
    {
        var (slug, day, starts) = await ClassAsync("seated", seats: 3, daysAhead: 5);
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
        var (slug, day, starts) = await ClassAsync("seatedfr", seats: 1, daysAhead: 6);
        var start = starts[0];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/book/{slug}/intro?lang=fr");
        await OpenDayAsync(page, day);

        await Expect(Slot(page, start).Locator(".seats-left")).ToHaveTextAsync("1 place restante");
    }

    [Fact]
    public async Task Dashboard_SetsSeats_AndEachSeatSaysHowManyItsSessionHolds()
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("seatdash");
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, apiKey);

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await page.GetByLabel("Seats per slot").FillAsync("4");
        await page.GetByLabel("Limit counts").SelectOptionAsync("attendees");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await app.Client.SendAsync(read);
        var intro = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventTypes").GetProperty("intro");
        Assert.Equal(4, intro.GetProperty("seats").GetInt32());
        Assert.Equal("attendees", intro.GetProperty("limitsCount").GetString());

        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[2];
        var (first, _) = await app.BookAsync(slug, start);
        var (second, _) = await app.BookAsync(slug, start);
        var again = await hostContext.NewPageAsync();
        await SignInAsync(again, slug, apiKey);

        foreach (var id in new[] { first, second })
        {
            await Expect(again.Locator($"#booking-days li.booking-item[data-id='{id}'] .badge.seat-session")).ToHaveTextAsync("Session: 2 of 4 seats taken");
        }
    }
}
