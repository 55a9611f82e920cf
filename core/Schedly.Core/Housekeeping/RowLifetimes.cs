using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.Core.Housekeeping;

/// <summary>
/// How long each kind of working row outlives its use (see docs/SCALE.md, "Every row has a lifetime"). Bookings
/// themselves stay (the host's history and analytics read them); what goes is what only served to decide or to
/// deduplicate:
/// <list type="bullet">
/// <item>idempotency records: <see cref="IdempotencyRecord.Lifetime"/> (24 hours) after the first request;</item>
/// <item>claim cells and daily-limit counters: <see cref="PastClaims"/> after the hour or date they cover (nothing
/// books the past; a week leaves room for late cancels and no-show marks, which never need them anyway);</item>
/// <item>reminder outcomes (<c>reminded|</c>): <see cref="ReminderOutcomes"/> after they were recorded;</item>
/// <item>outbox rows: deleted by their guard about a minute after the change;</item>
/// <item>the email and webhook ledger: monthly tables, dropped once older than the longest redelivery window
/// (<see cref="RetireExpiredTables"/>).</item>
/// </list>
/// </summary>
public static class RowLifetimes
{
    /// <summary>How long claim cells and daily counters are kept after the time they cover.</summary>
    public static readonly Duration PastClaims = Duration.FromDays(7);

    /// <summary>How long a reminder's outcome is kept after it was recorded.</summary>
    public static readonly Duration ReminderOutcomes = Duration.FromDays(7);

    /// <summary>Time for the host-local date a booking's counter names to have ended in every zone (UTC−12 to UTC+14), with room to spare.</summary>
    public static readonly Duration ZoneMargin = Duration.FromDays(3);

    /// <summary>
    /// When a booking's working rows have all expired: the end of its claimed span (or a day after it was made, if
    /// later) plus <see cref="PastClaims"/> and <see cref="ZoneMargin"/>, so its cells, its daily counter, its
    /// idempotency record and its reminder outcomes are all past their cutoffs. Housekeeping for the host is due then.
    /// </summary>
    public static Instant HousekeepingDue(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return Instant.Max(booking.ClaimedSpan.End, booking.UpdatedAt + IdempotencyRecord.Lifetime) + PastClaims + ZoneMargin;
    }

    /// <summary>When the host's retention of <paramref name="booking"/>'s personal fields ends: its end plus <paramref name="retentionDays"/>.</summary>
    public static Instant RetentionDue(Booking booking, int retentionDays)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.End + Duration.FromDays(retentionDays);
    }

    /// <summary>The cutoffs a housekeeping run at <paramref name="now"/> applies: rows older than these go.</summary>
    public static ExpiryCutoffs CutoffsAt(Instant now) => new(
        Claims: now - PastClaims,
        ReminderOutcomes: now - ReminderOutcomes,
        Idempotency: now - IdempotencyRecord.Lifetime);
}
