using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The booking form of an event type with several lengths and a generated video room.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class EventTypeOptionsPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Book_LongerLengthChosen_SlotsAndBookingLastThatLongAndTheRoomIsShown()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("length");
        await app.PutIntroAsync(slug, key, new
        {
            title = "Intro call",
            durationMinutes = 30,
            slotIntervalMinutes = 30,
            price = new { amount = "50.00", currency = "EUR" },
            durationOptions = new object[] { new { minutes = 30 }, new { minutes = 60, price = new { amount = "90.00", currency = "EUR" } } },
            location = new { kind = "generatedVideo" },
        });
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[2];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");

        await page.GetByLabel("Length").SelectOptionAsync("60");
        await WaitForMonthAsync(page);
        await Expect(page.Locator("#subtitle")).ToContainTextAsync("60 min");
        await Expect(page.Locator("#duration option:checked")).ToContainTextAsync("90.00");
        await ChooseAndFillAsync(page, day, start, "Grace Hopper");
        await Expect(page.Locator("#chosen")).ToContainTextAsync(Local(start, 60, BrowserAppFixture.HostZone).Range);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        await Expect(page.Locator("#confirmed-time time")).ToContainTextAsync(Local(start, 60, BrowserAppFixture.HostZone).Range);
        var room = page.Locator("#confirmed-location a");
        await Expect(room).ToBeVisibleAsync();
        var href = await room.GetAttributeAsync("href");
        Assert.Matches("^https://meet\\.jit\\.si/[0-9a-f]{32}$", href);
        var manage = await page.Locator("#manage-link").GetAttributeAsync("href");
        await page.GotoAsync(manage!);
        await Expect(page.Locator("#booking-location a")).ToHaveAttributeAsync("href", href!);
    }

    [Fact]
    public async Task Book_Questions_AreAskedCheckedByTheServerAndStored()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("questions");
        await app.PutIntroAsync(slug, key, new
        {
            title = "Intro call",
            durationMinutes = 30,
            questions = new object[]
            {
                new { id = "company", label = "Company", type = "text", required = true },
                new { id = "topic", label = "Topic", type = "select", options = new[] { new { id = "tax", label = "Tax" }, new { id = "audit", label = "Audit" } } },
                new { id = "phone", label = "Phone", type = "phone" },
            },
        });
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[2];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro");
        await ChooseAndFillAsync(page, day, start, "Grace Hopper");
        await page.GetByLabel("Company").FillAsync("Navy");
        await page.GetByLabel("Topic").SelectOptionAsync("audit");
        await page.GetByLabel("Phone").FillAsync("020 7946 0958");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        await Expect(page.GetByLabel("Phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("E.164");
        await page.GetByLabel("Phone").FillAsync("+44 20 7946 0958");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await app.Client.SendAsync(request);
        var booking = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("bookings")[0];
        Assert.Equal("Audit", booking.GetProperty("answers").GetProperty("topic").GetString());
        Assert.Equal("+442079460958", booking.GetProperty("answers").GetProperty("phone").GetString());
        Assert.Equal("Navy", booking.GetProperty("answers").GetProperty("company").GetString());
    }

    [Fact]
    public async Task Dashboard_Editor_SetsLengthsWithPricesPolicyAndLocation()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("editor");
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await page.Locator("#type-price").FillAsync("50.00");
        await page.Locator("#type-currency").FillAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add length" }).ClickAsync();
        await Expect(page.GetByLabel("Length 1 in minutes")).ToHaveValueAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add length" }).ClickAsync();
        await page.GetByLabel("Length 2 in minutes").FillAsync("60");
        await page.GetByLabel("Length 2 price").FillAsync("abc");
        await page.GetByLabel("Free cancellation until, hours").FillAsync("24");
        await page.GetByLabel("Location").SelectOptionAsync("phone");
        await page.GetByLabel("Phone number to call").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.GetByLabel("Phone number to call")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Length 2 price")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Phone number to call").FillAsync("+44 20 7946 0958");
        await page.GetByLabel("Length 2 price").FillAsync("90.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");

        await Expect(page.GetByLabel("Length 1 in minutes")).ToHaveValueAsync("30");
        await Expect(page.GetByLabel("Length 1 price")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Length 2 in minutes")).ToHaveValueAsync("60");
        await Expect(page.GetByLabel("Length 2 price")).ToHaveValueAsync("90.00");
        await Expect(page.GetByLabel("Free cancellation until, hours")).ToHaveValueAsync("24");
        await Expect(page.GetByLabel("Free cancellation until, minutes")).ToHaveValueAsync("0");
        await Expect(page.GetByLabel("Phone number to call")).ToHaveValueAsync("+442079460958");
        var visitor = await hostContext.NewPageAsync();
        await visitor.GotoAsync($"/book/{slug}/intro");
        await Expect(visitor.Locator("#duration option")).ToHaveTextAsync(["30 min · €50.00", "60 min · €90.00"]);
    }
}
