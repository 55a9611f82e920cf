using Schedly.Core.Bookings;
using Schedly.Core.Hosts;

namespace Schedly.Core.Notifications;

/// <summary>What notifications read, as stored now: a booking and its host. A narrow port over the booking and host stores.</summary>
public interface INotificationReader
{
    Task<Booking?> FindBookingAsync(BookingId id, CancellationToken cancellationToken);

    Task<Host?> FindHostAsync(HostSlug slug, CancellationToken cancellationToken);
}

/// <summary><see cref="INotificationReader"/> over <see cref="IBookingStore.FindAsync"/> and <see cref="IHostRepository.FindAsync"/>.</summary>
public sealed class StoreNotificationReader(IBookingStore bookings, IHostRepository hosts) : INotificationReader
{
    public async Task<Booking?> FindBookingAsync(BookingId id, CancellationToken cancellationToken) =>
        (await bookings.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<Host?> FindHostAsync(HostSlug slug, CancellationToken cancellationToken) =>
        (await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false))?.Value;
}

/// <summary>The reads of notifications that go beyond one booking and its host.</summary>
public static class NotificationReaderExtensions
{
    /// <summary>
    /// The other hosts of a collective booking (<see cref="NoticeAudience.OtherHosts"/>) as stored now, in the team's
    /// order, read together; a host that no longer exists is left out. Empty (and no read) for a booking with one host.
    /// </summary>
    public static async Task<IReadOnlyList<Host>> OtherHostsAsync(this INotificationReader reader, Booking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = await Task.WhenAll(NoticeAudience.OtherHosts(booking).Select(h => reader.FindHostAsync(h, cancellationToken))).ConfigureAwait(false);
        return [.. found.OfType<Host>()];
    }
}
