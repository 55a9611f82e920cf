using System.Net;
using System.Text.Json;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>
/// Seated event types through real HTTP on Azurite: N clients share one slot, each seat its own booking and manage
/// token; the claim stays atomic under races; cancelling frees one seat; a seat moves to a session with room; the host
/// is busy once per session; a client never sees the other attendees.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class SeatBookingTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    private static Dictionary<string, object> Types(int seats, bool requiresApproval = false) => new()
    {
        ["yoga"] = new { title = "Yoga class", durationMinutes = 60, slotIntervalMinutes = 60, seats, requiresApproval },
        ["intro"] = new { title = "Intro", durationMinutes = 30 },
    };

    private async Task<List<JsonElement>> SlotsAsync(string slug, string eventType, DateOnly day)
    {
        using var response = await app.Client.GetAsync($"/api/hosts/{slug}/event-types/{eventType}/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray())];
    }

    private async Task<int?> SeatsLeftAsync(string slug, string start)
    {
        var slot = (await SlotsAsync(slug, "yoga", DateOnly.Parse(start[..10], System.Globalization.CultureInfo.InvariantCulture)))
            .FirstOrDefault(s => s.GetProperty("start").GetString() == start);
        return slot.ValueKind == JsonValueKind.Undefined ? null : slot.GetProperty("seatsLeft").GetInt32();
    }

    private async Task<(string Id, string Token)> BookSeatAsync(string slug, string start, string name, string email)
    {
        using var response = await _hosts.BookAsync(slug, "yoga", TestHosts.BookingBody(start, name, email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!);
    }

    private static string At(DateOnly day, int hour) => $"{day:yyyy-MM-dd}T{hour:00}:00:00Z";

    [Fact]
    public async Task Book_ThirtyRacersOnAFiveSeatSlot_ExactlyFiveSeats()
    {
        var (slug, _) = await _hosts.CreateAsync("seatrace", Types(seats: 5));
        var day = TestHosts.Today.AddDays(4);
        var start = At(day, 10);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            _hosts.BookAsync(slug, "yoga", TestHosts.BookingBody(start, $"Client {i}", $"seat{i}@example.com"))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(409, "slot-unavailable");
        }

        var created = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.ReadJsonAsync()));
        Assert.Equal(5, created.Select(b => b.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(5, created.Select(b => b.GetProperty("manageToken").GetString()).Distinct().Count());
        Assert.Equal(5, (await _hosts.RowsAsync(slug, "booking|")).Count);
        Assert.Null(await SeatsLeftAsync(slug, start));
        using var sixth = await _hosts.BookAsync(slug, "yoga", TestHosts.BookingBody(start, "Late", "late@example.com"));
        await sixth.AssertProblemAsync(409, "slot-unavailable");
    }

    [Fact]
    public async Task Slots_SeatedType_CarrySeatsLeft_AndTheHostIsBusyOncePerSession()
    {
        var (slug, _) = await _hosts.CreateAsync("seatsleft", Types(seats: 4));
        var day = TestHosts.Today.AddDays(5);
        var start = At(day, 10);
        Assert.Equal(4, await SeatsLeftAsync(slug, start));

        await BookSeatAsync(slug, start, "Ann", "ann@example.com");
        await BookSeatAsync(slug, start, "Bob", "bob@example.com");

        Assert.Equal(2, await SeatsLeftAsync(slug, start));
        Assert.Equal(4, await SeatsLeftAsync(slug, At(day, 11)));
        var intro = (await SlotsAsync(slug, "intro", day)).Select(s => s.GetProperty("start").GetString()).ToList();
        Assert.DoesNotContain(start, intro);
        Assert.DoesNotContain($"{day:yyyy-MM-dd}T10:30:00Z", intro);
        Assert.Contains(At(day, 11), intro);
        Assert.All(await SlotsAsync(slug, "intro", day), s => Assert.False(s.TryGetProperty("seatsLeft", out _)));
        using var overlapping = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody($"{day:yyyy-MM-dd}T10:30:00Z", "Cy", "cy@example.com"));
        await overlapping.AssertProblemAsync(409, "slot-unavailable");

        using var introBooked = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(At(day, 12), "Di", "di@example.com"));
        Assert.Equal(HttpStatusCode.Created, introBooked.StatusCode);
        Assert.Null(await SeatsLeftAsync(slug, At(day, 12)));
        using var seatOverIntro = await _hosts.BookAsync(slug, "yoga", TestHosts.BookingBody(At(day, 12), "Ed", "ed@example.com"));
        await seatOverIntro.AssertProblemAsync(409, "slot-unavailable");
    }

    [Fact]
    public async Task Cancel_FreesOneSeat_Reschedule_MovesASeatToASessionWithRoom()
    {
        var (slug, _) = await _hosts.CreateAsync("seatmove", Types(seats: 2));
        var day = TestHosts.Today.AddDays(6);
        var (ten, eleven) = (At(day, 10), At(day, 11));
        var (annId, annToken) = await BookSeatAsync(slug, ten, "Ann", "ann@example.com");
        await BookSeatAsync(slug, ten, "Bob", "bob@example.com");
        var (cyId, cyToken) = await BookSeatAsync(slug, eleven, "Cy", "cy@example.com");
        await BookSeatAsync(slug, eleven, "Di", "di@example.com");
        Assert.Null(await SeatsLeftAsync(slug, ten));

        using (var full = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{cyId}/reschedule", new { start = ten }).WithBearer(cyToken)))
        {
            await full.AssertProblemAsync(409, "slot-unavailable");
        }

        using (var cancelled = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{annId}/cancel", new { reason = "ill" }).WithBearer(annToken)))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        Assert.Equal(1, await SeatsLeftAsync(slug, ten));
        using (var moved = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{cyId}/reschedule", new { start = ten }).WithBearer(cyToken)))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Equal(ten, (await moved.ReadJsonAsync()).GetProperty("start").GetString());
        }

        Assert.Null(await SeatsLeftAsync(slug, ten));
        Assert.Equal(1, await SeatsLeftAsync(slug, eleven));
        await BookSeatAsync(slug, eleven, "Ed", "ed@example.com");
        Assert.Null(await SeatsLeftAsync(slug, eleven));
    }

    [Fact]
    public async Task PendingSeat_HoldsASeatUntilDeclined()
    {
        var (slug, apiKey) = await _hosts.CreateAsync("seatpending", Types(seats: 2, requiresApproval: true));
        var day = TestHosts.Today.AddDays(7);
        var start = At(day, 10);

        using var requested = await _hosts.BookAsync(slug, "yoga", TestHosts.BookingBody(start, "Ann", "ann@example.com"));
        var body = await requested.ReadJsonAsync();
        Assert.Equal("pendingApproval", body.GetProperty("status").GetString());
        Assert.Equal(1, await SeatsLeftAsync(slug, start));

        using var declined = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{body.GetProperty("id").GetString()}/decline").WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(2, await SeatsLeftAsync(slug, start));
    }

    [Fact]
    public async Task Privacy_AClientSeesOnlyTheirOwnSeat_TheHostSeesTheSession()
    {
        var (slug, apiKey) = await _hosts.CreateAsync("seatprivacy", Types(seats: 3));
        var day = TestHosts.Today.AddDays(8);
        var start = At(day, 10);
        var (annId, annToken) = await BookSeatAsync(slug, start, "Ann Other", "ann.other@example.com");
        var (bobId, _) = await BookSeatAsync(slug, start, "Bob Private", "bob.private@example.com");

        using var read = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{annId}").WithBearer(annToken));
        var readText = await read.Content.ReadAsStringAsync();
        using var ics = await app.Client.GetAsync($"/api/bookings/{annId}/calendar.ics?token={Uri.EscapeDataString(annToken)}");
        var icsText = await ics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        foreach (var text in new[] { readText, icsText })
        {
            Assert.Contains("ann.other@example.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("bob.private", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bob Private", text, StringComparison.Ordinal);
            Assert.DoesNotContain(bobId, text, StringComparison.Ordinal);
        }

        Assert.Single(icsText.Split('\n'), line => line.StartsWith("ATTENDEE", StringComparison.Ordinal));
        var mail = new Notifications.NotificationHarness(app);
        Assert.True(await mail.MailArrivesAsync(annId, "created", "client", 0), "no confirmation for the first seat");
        var (message, invite) = await Notifications.NotificationHarness.ReadMailAsync(mail.MailPath(annId, "created", "client", 0));
        Assert.Equal("ann.other@example.com", message.To.Mailboxes.Single().Address);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal(["mailto:ann.other@example.com"], invite.Events.Single().Attendees.Select(a => a.Value!.ToString()));
        var mailText = await File.ReadAllTextAsync(mail.MailPath(annId, "created", "client", 0));
        Assert.DoesNotContain("bob.private", mailText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bob Private", mailText, StringComparison.Ordinal);
        using var list = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}").WithBearer(apiKey));
        var session = Assert.Single((await list.ReadJsonAsync()).GetProperty("sessions").EnumerateArray());
        Assert.Equal("yoga", session.GetProperty("eventType").GetString());
        Assert.Equal(start, session.GetProperty("start").GetString());
        Assert.Equal(3, session.GetProperty("seats").GetInt32());
        Assert.Equal(2, session.GetProperty("seatsTaken").GetInt32());
        Assert.Equal(new[] { annId, bobId }.Order(), session.GetProperty("bookings").EnumerateArray().Select(b => b.GetString()!).Order());
    }

    [Fact]
    public async Task EventType_Seats_AreSavedShownAndValidated()
    {
        var (slug, apiKey) = await _hosts.CreateAsync("seattype", Types(seats: 12));
        using (var put = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/class", new { title = "Class", seats = 1000, maxBookingsPerDay = 40, limitsCount = "attendees" }).WithBearer(apiKey)))
        {
            var saved = await put.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(1000, saved.GetProperty("seats").GetInt32());
            Assert.Equal("attendees", saved.GetProperty("limitsCount").GetString());
        }

        foreach (var bad in new object[] { new { title = "Class", seats = 0 }, new { title = "Class", seats = 1001 }, new { title = "Class", seats = 5, limitsCount = "people" } })
        {
            using var refused = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/class", bad).WithBearer(apiKey));
            await refused.AssertProblemAsync(400, "validation");
        }

        using var profile = await app.Client.GetAsync($"/api/hosts/{slug}");
        var types = (await profile.ReadJsonAsync()).GetProperty("eventTypes").EnumerateArray().ToDictionary(t => t.GetProperty("slug").GetString()!);
        Assert.Equal(12, types["yoga"].GetProperty("seats").GetInt32());
        Assert.Equal(1000, types["class"].GetProperty("seats").GetInt32());
        Assert.Equal(JsonValueKind.Null, types["intro"].GetProperty("seats").ValueKind);
    }
}
