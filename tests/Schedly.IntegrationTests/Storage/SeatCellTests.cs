using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Storage;

/// <summary>
/// A claim cell lists every seat of the sessions it holds: a full session of <see cref="EventType.MaxSeats"/> seats
/// must fit one string column (64 KiB) and read back whole.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class SeatCellTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task Cell_WithAThousandSeatsOfOneSession_IsStoredAndReadBackWhole()
    {
        var tables = new TableServiceClient(app.Azurite.ConnectionString);
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug("seatcell"));
        var start = Instant.FromUtc(2027, 3, 1, 10, 0);
        var seats = Enumerable.Range(0, EventType.MaxSeats)
            .Select(_ => new BookedSpan(BookingId.New(slug).Random, "yoga", start, start + Duration.FromHours(1), Duration.Zero, Duration.FromMinutes(10)))
            .Append(new BookedSpan(BookingId.New(slug).Random, "intro", start - Duration.FromMinutes(30), start, Duration.Zero, Duration.Zero))
            .ToList();
        var json = CellSpans.Write(seats);
        Assert.True(json.Length * sizeof(char) < 64 * 1024, $"the cell's column takes {json.Length} characters");
        await tables.GetTableClient(SchedlyTables.Hosts).AddEntityAsync(new TableEntity(slug.Value, BookingRowKeys.Cell(start)) { [CellSpans.Column] = json });
        var store = new TableBookingStore(tables, new OutboxGuardQueue(new QueueServiceClient(app.Azurite.ConnectionString)));

        var snapshot = await store.LoadAsync(slug, new SnapshotScope(new Interval(start, start + Duration.FromHours(1))), CancellationToken.None);

        Assert.Equal(seats.OrderBy(s => s.BookingRandomId), snapshot.Cells.Single().Spans.OrderBy(s => s.BookingRandomId));
    }
}
