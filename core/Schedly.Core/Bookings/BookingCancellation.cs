using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Bookings;

/// <summary>
/// The one write that cancels a booking: the booking row marked cancelled and its cells, counter and reminder entries
/// freed in one conditional transaction in the host's partition, with its <c>booking.cancelled</c> outbox event,
/// published once written. Shared by a client's or host's cancel and a collective booking's cancellation as a whole.
/// </summary>
internal static class BookingCancellation
{
    /// <summary>The cancelled booking; null when the booking changed since <paramref name="current"/> was read (read again and retry).</summary>
    public static async Task<Booking?> TryCommitAsync(
        IBookingStore store,
        IBookingEventPublisher publisher,
        Versioned<Booking> current,
        string? reason,
        string cancelledBy,
        Instant now,
        CancellationToken cancellationToken)
    {
        var cancelled = current.Value.Cancel(reason, cancelledBy, now);
        var cancelledEvent = BookingEvent.For(BookingEvent.Cancelled, cancelled, now);
        var snapshot = await store.LoadAsync(cancelled.Id.Host, new SnapshotScope(current.Value.ClaimedSpan, Changing: current.Value), cancellationToken).ConfigureAwait(false);
        if (!await store.TryCommitAsync(BookingChange.Cancel(current, snapshot, cancelled, cancelledEvent), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await publisher.PublishAsync(cancelledEvent, cancellationToken).ConfigureAwait(false);
        return cancelled;
    }
}
