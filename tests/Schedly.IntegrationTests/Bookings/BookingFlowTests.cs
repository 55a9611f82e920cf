using System.Net;
using Schedly.Core.Bookings;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.IntegrationTests.Notifications;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>The booking lifecycle through real HTTP: slots, book, read, reschedule, cancel, the calendar.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class BookingFlowTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Intro = new()
    {
        ["intro"] = new { title = "Intro call", durationMinutes = 30, slotIntervalMinutes = 30, bufferAfterMinutes = 10, price = new { amount = "50.00", currency = "EUR" } },
    };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task Book_OfferedSlot_Is201WithTokenAndTheSlotDisappears()
    {
        var (slug, _) = await _hosts.CreateAsync("flow", Intro);
        var day = TestHosts.Today.AddDays(3);
        var before = await _hosts.SlotsAsync(slug, "intro", day, day);
        var (start, end) = before[10];

        using var response = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(start));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.ReadJsonAsync();
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(start, booking.GetProperty("start").GetString());
        Assert.Equal(end, booking.GetProperty("end").GetString());
        Assert.Equal(slug, booking.GetProperty("host").GetString());
        Assert.Equal("intro", booking.GetProperty("eventType").GetString());
        Assert.Equal("America/New_York", booking.GetProperty("timeZone").GetString());
        Assert.StartsWith("mt_", booking.GetProperty("manageToken").GetString());
        Assert.Equal("50.00", booking.GetProperty("price").GetProperty("amount").GetString());
        var after = await _hosts.SlotsAsync(slug, "intro", day, day);
        Assert.DoesNotContain((start, end), after);
        // The slot, the next one (inside its 10-minute buffer) and the previous one (whose own buffer reaches into it).
        Assert.Equal(before.Count - 3, after.Count);
    }

    [Fact]
    public async Task Manage_WithToken_ReadsReschedulesAndCancels()
    {
        var (slug, _) = await _hosts.CreateAsync("manage", Intro);
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var created = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[4].Start));
        var booking = await created.ReadJsonAsync();
        var id = booking.GetProperty("id").GetString()!;
        var token = booking.GetProperty("manageToken").GetString()!;

        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False((await read.ReadJsonAsync()).TryGetProperty("manageToken", out _));

        using var moved = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[8].Start }).WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedBody = await moved.ReadJsonAsync();
        Assert.Equal(slots[8].Start, movedBody.GetProperty("start").GetString());
        Assert.Equal(1, movedBody.GetProperty("sequence").GetInt32());
        var afterMove = await _hosts.SlotsAsync(slug, "intro", day, day);
        Assert.Contains(slots[4], afterMove);
        Assert.DoesNotContain(slots[8], afterMove);

        using var cancelled = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/cancel", new { reason = "Changed my mind" }).WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Contains(slots[8], await _hosts.SlotsAsync(slug, "intro", day, day));
        Assert.Empty(await _hosts.RowsAsync(slug, "cell|"));

        using var again = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var rescheduleCancelled = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[9].Start }).WithBearer(token));
        await rescheduleCancelled.AssertProblemAsync(409, "booking-cancelled");

        // Each change announced its event: the client was emailed once for each, in order of sequence.
        Assert.True(BookingId.TryParse(id, out var bookingId));
        string[] announced = [$"{bookingId.Random}-created-0", $"{bookingId.Random}-rescheduled-1", $"{bookingId.Random}-cancelled-1"];
        Assert.True(
            await NotificationHarness.EventuallyAsync(async () => (await _hosts.EmailedEventsAsync(slug)).Order(StringComparer.Ordinal).SequenceEqual(announced.Order(StringComparer.Ordinal))),
            "the created, rescheduled and cancelled events were not each emailed once");
    }

    [Fact]
    public async Task Reschedule_ToTakenSlot_Is409AndLeavesBookingUntouched()
    {
        var (slug, _) = await _hosts.CreateAsync("resched", Intro);
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var first = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[2].Start));
        using var second = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[6].Start));
        var booking = await second.ReadJsonAsync();
        var (id, token) = (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!);

        using var response = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[2].Start }).WithBearer(token));

        await response.AssertProblemAsync(409, "slot-unavailable");
        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token));
        var unchanged = await read.ReadJsonAsync();
        Assert.Equal(slots[6].Start, unchanged.GetProperty("start").GetString());
        Assert.Equal(0, unchanged.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task Book_TakenSlot_Is409SlotUnavailable()
    {
        var (slug, _) = await _hosts.CreateAsync("taken", Intro);
        var day = TestHosts.Today.AddDays(1);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var first = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[^3].Start));

        using var second = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[^3].Start, "Someone Else", "else@example.com"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await second.AssertProblemAsync(409, "slot-unavailable");
    }

    [Fact]
    public async Task HostProfile_ListsActiveEventTypesAndNoBookings()
    {
        var (slug, apiKey) = await _hosts.CreateAsync("profile", new Dictionary<string, object>
        {
            ["intro"] = new { title = "Intro call" },
            ["old"] = new { title = "Old offer" },
        });
        using var delete = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/event-types/old").WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        var profile = await (await Client.GetAsync($"/api/hosts/{slug}")).ReadJsonAsync();

        var types = profile.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToArray();
        Assert.Equal(["intro"], types);
        using var slotsOfDeleted = await Client.GetAsync($"/api/hosts/{slug}/event-types/old/slots?start={TestHosts.Today:yyyy-MM-dd}&end={TestHosts.Today:yyyy-MM-dd}&timeZone=UTC");
        await slotsOfDeleted.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task NewHours_NeverChangeBookingsAlreadyMade()
    {
        var (slug, key) = await _hosts.CreateAsync("hours", Intro);
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var created = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[6].Start));
        var booking = await created.ReadJsonAsync();

        using var closed = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", new { weekly = new { } }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        Assert.Empty(await _hosts.SlotsAsync(slug, "intro", day, day));
        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{booking.GetProperty("id").GetString()}").WithBearer(booking.GetProperty("manageToken").GetString()!));
        var after = await read.ReadJsonAsync();
        Assert.Equal("confirmed", after.GetProperty("status").GetString());
        Assert.Equal(slots[6].Start, after.GetProperty("start").GetString());
    }

    [Fact]
    public async Task CalendarIcs_WithToken_ParsesBackWithStableUidAndRaisedSequence()
    {
        var (slug, _) = await _hosts.CreateAsync("ics", Intro);
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var created = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[3].Start));
        var booking = await created.ReadJsonAsync();
        var (id, token) = (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!);

        var first = await CalendarAsync(id, token);
        using (await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[5].Start }).WithBearer(token)))
        {
        }

        var moved = await CalendarAsync(id, token);
        using (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token)))
        {
        }

        var cancelled = await CalendarAsync(id, token);

        Assert.Equal(first.Uid, moved.Uid);
        Assert.Equal(first.Uid, cancelled.Uid);
        Assert.Equal(DateTimeOffset.Parse(slots[3].Start), new DateTimeOffset(first.DtStart!.AsUtc));
        Assert.Equal(DateTimeOffset.Parse(slots[5].Start), new DateTimeOffset(moved.DtStart!.AsUtc));
        Assert.True(moved.Sequence > first.Sequence);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Contains("ada@example.com", first.Organizer!.Value!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(first.Attendees, a => a.Value!.ToString().Contains("grace@example.com", StringComparison.OrdinalIgnoreCase));
        using var wrongToken = await Client.GetAsync($"/api/bookings/{id}/calendar.ics?token=mt_nope");
        await wrongToken.AssertProblemAsync(404, "not-found");
        using var noToken = await Client.GetAsync($"/api/bookings/{id}/calendar.ics");
        await noToken.AssertProblemAsync(401, "unauthorized");
    }

    private async Task<Ical.Net.CalendarComponents.CalendarEvent> CalendarAsync(string id, string token)
    {
        using var response = await Client.GetAsync($"/api/bookings/{id}/calendar.ics?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync());
        Assert.Equal("PUBLISH", calendar!.Method); // a file to import, not an invitation to answer
        return Assert.Single(calendar!.Events);
    }

    private HttpClient Client => app.Client;
}
