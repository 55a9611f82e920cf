using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/reschedule</c> on Azurite: the host moves a booking to a free slot
/// (past the client's own reschedule limit), the old time is offered again and the client is told; a taken slot, a
/// cancelled booking and bad input are refused with nothing changed.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostRescheduleTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Strict = new()
    {
        ["intro"] = new { title = "Intro", durationMinutes = 30, clientPolicy = new { cancelNoticeMinutes = 0, rescheduleNoticeMinutes = 0, maxReschedules = 0 } },
    };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task Reschedule_ToAFreeSlot_MovesItWithoutTheClientPolicyAndTellsTheClient()
    {
        var (slug, key, id, slots) = await BookedAsync("hostmove");

        using var moved = await RescheduleAsync(slug, key, id, new { start = slots[4].Start });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.ReadJsonAsync();
        Assert.Equal(slots[4].Start, body.GetProperty("start").GetString());
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        var day = DateOnly.Parse(slots[0].Start[..10], System.Globalization.CultureInfo.InvariantCulture);
        var offered = await _hosts.SlotsAsync(slug, "intro", day, day);
        Assert.Contains(slots[0], offered);
        Assert.DoesNotContain(slots[4], offered);
        Assert.True(
            await Notifications.NotificationHarness.EventuallyAsync(async () => (await _hosts.EmailedEventsAsync(slug)).Any(e => e.Contains("rescheduled", StringComparison.Ordinal))),
            "the client was not emailed about the move");
    }

    [Fact]
    public async Task Reschedule_OntoATakenSlot_Is409AndNothingMoves()
    {
        var (slug, key, id, slots) = await BookedAsync("hosttaken");
        using var other = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[4].Start, "Alan", "alan@example.com"));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        using var refused = await RescheduleAsync(slug, key, id, new { start = slots[4].Start });

        await refused.AssertProblemAsync(409, "slot-unavailable");
        Assert.Equal(slots[0].Start, (await FindAsync(slug, key, id)).GetProperty("start").GetString());
    }

    [Fact]
    public async Task Reschedule_ACancelledBooking_Is409()
    {
        var (slug, key, id, slots) = await BookedAsync("hostcancelled");
        using var cancel = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/cancel").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        using var refused = await RescheduleAsync(slug, key, id, new { start = slots[4].Start });

        await refused.AssertProblemAsync(409, "booking-cancelled");
    }

    [Theory]
    [InlineData("{}", "validation")]
    [InlineData("{\"start\":\"tomorrow\"}", "validation")]
    [InlineData("{\"start\":", "malformed-json")]
    public async Task Reschedule_BadInput_Is400(string json, string problem)
    {
        var (slug, key, id, slots) = await BookedAsync("hostbad");

        using var refused = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/reschedule")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        }.WithBearer(key));

        await refused.AssertProblemAsync(400, problem);
        Assert.Equal(slots[0].Start, (await FindAsync(slug, key, id)).GetProperty("start").GetString());
    }

    [Fact]
    public async Task Reschedule_AnotherHostsBooking_Is404()
    {
        var (_, _, id, slots) = await BookedAsync("hostowner");
        var (otherSlug, otherKey) = await _hosts.CreateAsync("hostother", Strict);

        using var refused = await RescheduleAsync(otherSlug, otherKey, id, new { start = slots[4].Start });

        await refused.AssertProblemAsync(404, "not-found");
    }

    private async Task<(string Slug, string Key, string Id, List<(string Start, string End)> Slots)> BookedAsync(string prefix)
    {
        var (slug, key) = await _hosts.CreateAsync(prefix, Strict);
        var day = TestHosts.Today.AddDays(3);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var created = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0].Start));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (slug, key, (await created.ReadJsonAsync()).GetProperty("id").GetString()!, slots);
    }

    private Task<HttpResponseMessage> RescheduleAsync(string slug, string key, string id, object body) =>
        app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/reschedule", body).WithBearer(key));

    private async Task<System.Text.Json.JsonElement> FindAsync(string slug, string key, string id)
    {
        var day = TestHosts.Today;
        using var list = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={day:yyyy-MM-dd}&end={day.AddDays(10):yyyy-MM-dd}").WithBearer(key));
        return (await list.ReadJsonAsync()).GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id);
    }
}
