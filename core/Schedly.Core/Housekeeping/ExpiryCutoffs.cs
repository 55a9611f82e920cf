using NodaTime;

namespace Schedly.Core.Housekeeping;

/// <summary>
/// What one housekeeping run deletes in a host's partition: claim cells whose hour ended and daily counters whose
/// date (in any zone) ended before <paramref name="Claims"/>, reminder outcomes recorded before
/// <paramref name="ReminderOutcomes"/>, idempotency records created before <paramref name="Idempotency"/>.
/// </summary>
public sealed record ExpiryCutoffs(Instant Claims, Instant ReminderOutcomes, Instant Idempotency)
{
    /// <summary>True when a daily counter of host-local <paramref name="date"/> has expired: that date ended in every zone before <see cref="Claims"/>.</summary>
    public bool CounterExpired(LocalDate date) => date <= LocalDate.FromDateTime(Claims.ToDateTimeUtc()).PlusDays(-2);
}
