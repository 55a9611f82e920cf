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
    /// <summary>Reads what a decision about <paramref name="scope"/> may look at, with the versions a change will be conditional on.</summary>
    Task<BookingSnapshot> LoadAsync(HostSlug host, SnapshotScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the whole <paramref name="change"/> in one atomic transaction, or nothing: false when anything it is
    /// conditional on changed since it was read (the caller re-reads and decides again).
    /// </summary>
    Task<bool> TryCommitAsync(BookingChange change, CancellationToken cancellationToken);

    Task<Versioned<Booking>?> FindAsync(BookingId id, CancellationToken cancellationToken);

    /// <summary>
    /// The host's bookings starting in <paramref name="range"/>, sorted by start, of the given <paramref name="statuses"/> (empty: all), one page at a time; pass the returned token back for the next page.
    /// </summary>
    Task<BookingPage> ListAsync(HostSlug host, Interval range, IReadOnlyCollection<BookingStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(HostSlug host, string storageId, CancellationToken cancellationToken);

    /// <summary>The host's pending bookings whose expiry entry is due at or before <paramref name="upTo"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PendingExpiry>> ListExpiringAsync(HostSlug host, Instant upTo, int max, CancellationToken cancellationToken);
}

/// <summary>A pending booking's expiry entry: booking <paramref name="Booking"/> lapses at <paramref name="Due"/> unless paid or answered.</summary>
public sealed record PendingExpiry(BookingId Booking, Instant Due);

/// <summary>
/// A version stamp for one event type's bookings on one host-local date. Every claim on that date
/// rewrites it (conditionally) when the event type has a daily limit, so concurrent bookings on the
/// same day serialise and the limit, counted from the snapshot's bookings, cannot be overrun.
/// </summary>
public sealed record DailyCounterKey(string EventType, LocalDate HostDate);

/// <summary>One page of a booking list; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record BookingPage(IReadOnlyList<Booking> Bookings, string? ContinuationToken);
