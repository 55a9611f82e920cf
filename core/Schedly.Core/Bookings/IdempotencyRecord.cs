using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>
/// What the store keeps of a first request made with an idempotency key, for <see cref="Lifetime"/>: a retry within
/// a day gets the first answer; after that the key is free again (the record is overwritten at its
/// <see cref="Version"/>, and housekeeping deletes records older than that). 24 hours is the usual window of payment
/// and booking APIs, long enough for any client's retries and short enough that records do not pile up.
/// </summary>
public sealed record IdempotencyRecord(string StorageId, string RequestHash, string BookingId, string ProtectedManageToken, Instant CreatedAt)
{
    /// <summary>How long a key answers with its first result.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    /// <summary>The stored row's version (null for a record not yet stored); a new record written over an expired one carries the expired one's.</summary>
    public string? Version { get; init; }

    /// <summary>True once the key no longer answers with this record.</summary>
    public bool IsExpiredAt(Instant now) => CreatedAt + Lifetime <= now;
}
