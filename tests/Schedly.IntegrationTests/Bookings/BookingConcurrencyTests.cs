using System.Net;
using Azure.Data.Tables;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>
/// No double booking, ever: many clients racing for the same and for overlapping times through real
/// HTTP, checked by reading the table afterwards.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class BookingConcurrencyTests(SchedlyAppFixture app)
{
    private static readonly object MorningsOnly = new
    {
        weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(d => d, _ => new object[] { new { start = "09:00", end = "13:00" } }),
    };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task Book_FiftyConcurrentRequestsForOneSlot_ExactlyOneSucceeds()
    {
        var (slug, _) = await _hosts.CreateAsync("race", new Dictionary<string, object> { ["intro"] = new { title = "Intro", durationMinutes = 30 } });
        var day = TestHosts.Today.AddDays(4);
        var slot = (await _hosts.SlotsAsync(slug, "intro", day, day))[5];

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slot.Start, $"Client {i}", $"client{i}@example.com"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await response.AssertProblemAsync(409, "slot-unavailable");
        }

        Assert.Single(await _hosts.RowsAsync(slug, "booking|"));
        Assert.True(await Notifications.NotificationHarness.EventuallyAsync(async () => (await _hosts.EmailedEventsAsync(slug)).Count == 1), "the one booking's event was not announced");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await _hosts.EmailedEventsAsync(slug));
    }

    [Fact]
    public async Task Book_BurstOfOverlappingRequestsOnTwoEventTypes_NoTwoConfirmedBookingsOverlap()
    {
        var (slug, _) = await _hosts.CreateAsync("burst", new Dictionary<string, object>
        {
            ["short"] = new { title = "Short", durationMinutes = 30, slotIntervalMinutes = 15 },
            ["long"] = new { title = "Long", durationMinutes = 45, slotIntervalMinutes = 15, bufferBeforeMinutes = 5, bufferAfterMinutes = 10 },
        }, MorningsOnly);
        var day = TestHosts.Today.AddDays(5);
        var shortSlots = await _hosts.SlotsAsync(slug, "short", day, day);
        var longSlots = await _hosts.SlotsAsync(slug, "long", day, day);
        var random = new Random(20261125);
        using var gate = new SemaphoreSlim(40);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var (type, slots) = random.Next(2) == 0 ? ("short", shortSlots) : ("long", longSlots);
            var start = slots[random.Next(slots.Count)].Start;
            await gate.WaitAsync();
            try
            {
                using var response = await _hosts.BookAsync(slug, type, TestHosts.BookingBody(start, $"Client {i}", $"c{i}@example.com"));
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(results, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var bookings = await _hosts.RowsAsync(slug, "booking|");
        Assert.Equal(results.Count(s => s == HttpStatusCode.Created), bookings.Count);
        Assert.True(bookings.Count >= 4, $"the burst should book several non-overlapping slots, booked {bookings.Count}");
        var spans = bookings.Select(ClaimedSpan).OrderBy(s => s.Start).ToList();
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start, $"bookings overlap: {spans[i - 1]} and {spans[i]}");
        }

        await AssertCellsMatchBookingsAsync(slug, bookings);
    }

    [Fact]
    public async Task Book_SameIdempotencyKeyTenTimesInParallel_OneBookingAndSameResult()
    {
        var (slug, _) = await _hosts.CreateAsync("idem", new Dictionary<string, object> { ["intro"] = new { title = "Intro" } });
        var day = TestHosts.Today.AddDays(3);
        var slot = (await _hosts.SlotsAsync(slug, "intro", day, day))[7];
        var key = Guid.NewGuid().ToString();
        var body = TestHosts.BookingBody(slot.Start);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _hosts.BookAsync(slug, "intro", body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.Single(bodies.Select(b => b.GetProperty("id").GetString()).Distinct());
        Assert.Single(bodies.Select(b => b.GetProperty("manageToken").GetString()).Distinct());
        Assert.Equal(9, responses.Count(r => r.Headers.TryGetValues("Idempotent-Replayed", out var v) && v.Single() == "true"));
        Assert.Single(await _hosts.RowsAsync(slug, "booking|"));
    }

    [Fact]
    public async Task Book_SameIdempotencyKeyDifferentBody_Is422AndBooksNothingMore()
    {
        var (slug, _) = await _hosts.CreateAsync("idem2", new Dictionary<string, object> { ["intro"] = new { title = "Intro" } });
        var day = TestHosts.Today.AddDays(3);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        var key = Guid.NewGuid().ToString();
        using var first = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[1].Start), key);

        using var second = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[2].Start), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await second.AssertProblemAsync(422, "idempotency-mismatch");
        Assert.Single(await _hosts.RowsAsync(slug, "booking|"));
    }

    private static (DateTimeOffset Start, DateTimeOffset End) ClaimedSpan(TableEntity booking) => (
        booking.GetDateTimeOffset("Start")!.Value.AddMinutes(-booking.GetInt32("BufferBeforeMinutes")!.Value),
        booking.GetDateTimeOffset("End")!.Value.AddMinutes(booking.GetInt32("BufferAfterMinutes")!.Value));

    /// <summary>Every claimed cell names a live booking, and every booking appears in each hour cell it touches.</summary>
    private async Task AssertCellsMatchBookingsAsync(string slug, List<TableEntity> bookings)
    {
        var cells = await _hosts.RowsAsync(slug, "cell|");
        var ids = bookings.Select(b => b.RowKey["booking|".Length..]).ToHashSet();
        var inCells = cells.SelectMany(c => TestHosts.Parse(c.GetString("Spans")).EnumerateArray().Select(s => s.GetProperty("id").GetString()!)).ToList();
        Assert.All(inCells, id => Assert.Contains(id, ids));
        Assert.All(ids, id => Assert.Contains(id, inCells));
    }
}
