using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Analytics;

/// <summary>Stored daily rollups, one row per host, host-local date and event type.</summary>
public interface IAnalyticsStore
{
    /// <summary>The versions of one stored day, read BEFORE the bookings it is recomputed from.</summary>
    Task<AnalyticsDayVersion> ReadDayVersionAsync(HostSlug host, LocalDate date, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the stored rollups of <paramref name="date"/> exactly <paramref name="rollups"/> in one transaction, when the
    /// day is still at <paramref name="version"/>; false when another recompute wrote it first (read and decide again).
    /// </summary>
    Task<bool> TryReplaceDayAsync(HostSlug host, LocalDate date, IReadOnlyList<DailyRollup> rollups, AnalyticsDayVersion version, CancellationToken cancellationToken);

    /// <summary>The rollups of host-local dates <paramref name="from"/>..<paramref name="to"/> (both inclusive), and when any of those days was last written.</summary>
    Task<StoredRollups> ReadAsync(HostSlug host, LocalDate from, LocalDate to, CancellationToken cancellationToken);
}

/// <summary>
/// Rollups as read, with the moment the latest of their days was written (null when none of the days was ever
/// computed): the report's "last updated".
/// </summary>
public sealed record StoredRollups(IReadOnlyList<DailyRollup> Days, Instant? LastUpdated);

/// <summary>
/// A stored day as read: the version of its marker (null: the day was never written) and of each event type's row.
/// Every write of the day rewrites the marker, so two recomputes of one day can never both commit.
/// </summary>
public sealed record AnalyticsDayVersion(string? Marker, IReadOnlyDictionary<string, string> Rows)
{
    public static AnalyticsDayVersion None { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal));
}
