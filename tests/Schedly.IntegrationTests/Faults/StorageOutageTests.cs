using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Faults;

/// <summary>
/// Storage going away while clients book: they get 503 <c>storage-unavailable</c>, never a 500, and
/// nothing is left half-written (every booking has its claim cells and outbox event; every cell
/// belongs to a booking).
/// </summary>
public sealed class StorageOutageTests(StorageOutageFixture fixture) : IClassFixture<StorageOutageFixture>
{
    [Fact]
    public async Task Outage_DuringBookings_Answers503AndLeavesNothingHalfWritten()
    {
        var slug = SchedlyAppFixture.UniqueSlug("outage");
        await SetUpHostAsync(slug);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var slots = await SlotsAsync(slug, day);

        // A burst of bookings with storage killed a few milliseconds in.
        var burst = slots.Take(24).Select((start, i) => BookAsync(slug, start, i)).ToList();
        await Task.Delay(40);
        await fixture.Azurite.StopAsync();
        var outcomes = await Task.WhenAll(burst);
        using var duringOutage = await BookAsync(slug, slots[30], 99);

        await duringOutage.AssertProblemAsync(503, "storage-unavailable");
        Assert.All(outcomes, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));

        await fixture.Azurite.StartAsync();
        var confirmed = outcomes.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var table = new TableClient(fixture.Azurite.ConnectionString, "hosts");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            rows.Add(row);
        }

        var bookings = rows.Where(r => r.RowKey.StartsWith("booking|", StringComparison.Ordinal)).Select(r => r.RowKey["booking|".Length..]).ToHashSet();
        var announced = await AnnouncedBookingsAsync(slug, bookings.Count);
        var cellBookings = rows.Where(r => r.RowKey.StartsWith("cell|", StringComparison.Ordinal))
            .SelectMany(c => TestHosts.Parse(c.GetString("Spans")).EnumerateArray().Select(s => s.GetProperty("id").GetString()!)).ToHashSet();
        Assert.Equal(bookings, announced);
        Assert.Equal(bookings, cellBookings);
        foreach (var response in confirmed)
        {
            var id = (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
            Assert.Contains(id[(id.LastIndexOf("--", StringComparison.Ordinal) + 2)..], bookings);
        }

        using var afterRecovery = await BookAsync(slug, slots[40], 100);
        Assert.Equal(HttpStatusCode.Created, afterRecovery.StatusCode);
    }

    private async Task SetUpHostAsync(string slug)
    {
        using var host = await fixture.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, host.StatusCode);
        using var hours = await fixture.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        using var type = await fixture.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro", durationMinutes = 30 }).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, type.StatusCode);
    }

    private async Task<List<string>> SlotsAsync(string slug, DateOnly day)
    {
        var body = await (await fixture.Client.GetAsync($"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC")).ReadJsonAsync();
        return body.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("start").GetString()!).ToList();
    }

    private Task<HttpResponseMessage> BookAsync(string slug, string start, int client) =>
        fixture.Client.PostAsJsonAsync($"/api/hosts/{slug}/event-types/intro/bookings", TestHosts.BookingBody(start, $"Client {client}", $"c{client}@example.com"));

    /// <summary>The bookings whose created event reached its client (this month's email ledger), waiting up to 30 s for <paramref name="expected"/>.</summary>
    private async Task<HashSet<string>> AnnouncedBookingsAsync(string slug, int expected)
    {
        var ledger = new TableClient(fixture.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.EffectLedger.NameAt(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        var announced = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 300 && announced.Count < expected; attempt++)
        {
            announced.Clear();
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
            {
                if (row.RowKey.StartsWith("email|", StringComparison.Ordinal) && row.RowKey.EndsWith("-created-0.client", StringComparison.Ordinal))
                {
                    announced.Add(row.RowKey["email|".Length..].Split('-')[0]);
                }
            }

            await Task.Delay(announced.Count < expected ? 100 : 0);
        }

        return announced;
    }
}
