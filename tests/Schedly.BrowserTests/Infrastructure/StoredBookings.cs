using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// Writes confirmed bookings of the <c>intro</c> type through the app's real table store (Azurite), for what the
/// public API cannot or should not make in bulk: meetings in the past, and more bookings than the per-client write
/// limit allows in a minute.
/// </summary>
public static class StoredBookings
{
    public static async Task<string> InsertAsync(BrowserAppFixture app, string slugText, Instant start, string name, string email, string clientZone = "America/New_York")
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = new TableBookingStore(
            new TableServiceClient(app.Azurite.ConnectionString),
            new OutboxGuardQueue(new QueueServiceClient(app.Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        var slug = HostSlug.Parse(slugText);
        var made = Instant.Min(start, SystemClock.Instance.GetCurrentInstant()) - Duration.FromDays(2);
        var snapshot = await store.LoadAsync(slug, new SnapshotScope(new Interval(start - Duration.FromDays(1), start + Duration.FromDays(1))), CancellationToken.None);
        var id = BookingId.New(slug);
        var hostZone = DateTimeZoneProviders.Tzdb[BrowserAppFixture.HostZone];
        var booking = new Booking(id, "intro", start, start + Duration.FromMinutes(30), Duration.Zero, Duration.Zero, BookingStatus.Confirmed,
            new ClientDetails(name, email, DateTimeZoneProviders.Tzdb[clientZone], "", new Dictionary<string, string>()),
            ApiKeyHash.Of("mt_" + Guid.NewGuid().ToString("N")), made, made, 0, new Price(50m, "EUR"), start.InZone(hostZone).Date);
        Assert.True(await store.TryCommitAsync(BookingChange.Create(snapshot, booking, BookingEvent.For(BookingEvent.Created, booking, made), null), CancellationToken.None));
        return id.Value;
    }

    /// <summary>The start of <paramref name="date"/> at <paramref name="hour"/>:<paramref name="minute"/> in the host zone.</summary>
    public static Instant At(DateOnly date, int hour, int minute = 0) =>
        new LocalDate(date.Year, date.Month, date.Day).At(new LocalTime(hour, minute)).InZoneLeniently(DateTimeZoneProviders.Tzdb[BrowserAppFixture.HostZone]).ToInstant();
}
