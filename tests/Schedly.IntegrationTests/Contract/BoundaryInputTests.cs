using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Contract;

/// <summary>
/// Regressions found by <see cref="OpenApiFuzzTests"/>: dates and instants at the ends of the calendar
/// (0001-01-01, 9999-12-31) were 500s (date arithmetic overflowed in the slot window, storage keys, analytics and
/// the bookings list); they are 400 problem+json now. And one slot response is capped at
/// <c>SlotQuery.MaxSlots</c>: a range too long for the event type's slot interval is a 400.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class BoundaryInputTests(SchedlyAppFixture app)
{
    [Theory]
    [InlineData("0001-01-01", "0001-01-01", "0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31", "9999-12-31", "9999-12-31T23:30:00Z")]
    [InlineData("9000-12-31", "9001-01-01", "9001-01-01T00:00:00Z")]
    [InlineData("1899-12-31", "1900-01-01", "1899-12-31T23:30:00Z")]
    public async Task DatesAtTheEndsOfTheCalendar_Are400Problems(string start, string end, string instant)
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("edge", new Dictionary<string, object> { ["intro"] = new { title = "Intro", durationMinutes = 30 } });

        using var slots = await app.Client.GetAsync($"/api/hosts/{slug}/event-types/intro/slots?start={start}&end={end}&timeZone=Pacific/Kiritimati");
        using var bookings = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={start}&end={end}").WithBearer(key));
        using var analytics = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/analytics?start={start}&end={end}").WithBearer(key));
        using var book = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(instant));

        await slots.AssertProblemAsync(400, "validation");
        await bookings.AssertProblemAsync(400, "validation");
        await analytics.AssertProblemAsync(400, "validation");
        await book.AssertProblemAsync(400, "validation");
        Assert.Empty(await hosts.RowsAsync(slug, "booking|"));
    }

    [Fact]
    public async Task SlotQuery_LongerThanTheCapForTheInterval_Is400AndTheCapItselfIsServed()
    {
        var hosts = new TestHosts(app);
        var (slug, _) = await hosts.CreateAsync("slotcap", new Dictionary<string, object> { ["tiny"] = new { title = "Tiny", durationMinutes = 1, slotIntervalMinutes = 1 } });
        var from = TestHosts.Today.AddDays(1);

        var slots = await hosts.SlotsAsync(slug, "tiny", from, from.AddDays(5));
        using var tooLong = await app.Client.GetAsync($"/api/hosts/{slug}/event-types/tiny/slots?start={from:yyyy-MM-dd}&end={from.AddDays(6):yyyy-MM-dd}&timeZone=UTC");

        Assert.InRange(slots.Count, 5 * 1440, 10_000);
        var problem = await tooLong.AssertProblemAsync(400, "validation");
        Assert.Contains("at most 6 days", problem.ToString(), StringComparison.Ordinal);
    }
}
