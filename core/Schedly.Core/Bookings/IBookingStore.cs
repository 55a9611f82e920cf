using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Bookings;

/// <summary>
/// Storage of bookings. Every change is one atomic write that also records its outbox event, and
/// fails (returns false) when anything the caller's snapshot saw has changed since, so the caller
/// re-reads and re-decides. Overlapping claims can therefore never both succeed.
/// </summary>
public interface IBookingStore
{
    /// <summary>Active bookings overlapping <paramref name="window"/>, and (when given) the daily counter of an event type.</summary>
    Task<BookingSnapshot> LoadAsync(HostSlug host, Interval window, DailyCounterKey? counter, CancellationToken cancellationToken);

    /// <summary>Writes the booking, its claim on time, the counter, the outbox event and the idempotency record, or nothing.</summary>
    Task<bool> TryCreateAsync(BookingSnapshot snapshot, Booking booking, DailyCounterKey? counter, BookingEvent created, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    Task<Versioned<Booking>?> FindAsync(BookingId id, CancellationToken cancellationToken);

    /// <summary>Marks the booking cancelled and frees its time, with the outbox event, or nothing (false when it changed since read).</summary>
    Task<bool> TryCancelAsync(Versioned<Booking> current, Booking cancelled, BookingEvent cancelledEvent, CancellationToken cancellationToken);

    /// <summary>Moves the booking: frees the old time and claims the new, with the outbox event, or nothing.</summary>
    Task<bool> TryRescheduleAsync(Versioned<Booking> current, BookingSnapshot snapshot, Booking moved, DailyCounterKey? counter, BookingEvent rescheduledEvent, CancellationToken cancellationToken);

    /// <summary>Updates a booking's flags (no-show) with its outbox event, when still at the read version.</summary>
    Task<bool> TryUpdateAsync(Versioned<Booking> current, Booking updated, BookingEvent? updateEvent, CancellationToken cancellationToken);

    /// <summary>
    /// The host's bookings starting in <paramref name="range"/>, sorted by start, optionally of one
    /// status, one page at a time; pass the returned token back for the next page.
    /// </summary>
    Task<BookingPage> ListAsync(HostSlug host, Interval range, BookingStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(HostSlug host, string storageId, CancellationToken cancellationToken);
}

/// <summary>
/// A version stamp for one event type's bookings on one host-local date. Every claim on that date
/// rewrites it (conditionally) when the event type has a daily limit, so concurrent bookings on the
/// same day serialise and the limit, counted from the snapshot's bookings, cannot be overrun.
/// </summary>
public sealed record DailyCounterKey(string EventType, LocalDate HostDate);

/// <summary>One page of a booking list; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record BookingPage(IReadOnlyList<Booking> Bookings, string? ContinuationToken);
