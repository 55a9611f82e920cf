namespace Schedly.Core.Analytics;

/// <summary>
/// One host-local day of one event type: how its bookings (those whose meeting starts that day) ended up.
/// <list type="bullet">
/// <item><c>Booked</c>: every booking, whatever happened to it later.</item>
/// <item><c>Cancelled</c>, <c>Rescheduled</c> (moved at least once), <c>NoShows</c>; <c>Completed</c>: confirmed, over, not a no-show,
/// as of when the rollup was computed; <see cref="CompletedAt"/> counts it as of any later moment from <see cref="AttendedEnds"/>,
/// so a stored rollup need not be recomputed as meetings end.</item>
/// <item><c>Revenue</c>: per currency, the price of the confirmed bookings (kept as it was before payments).</item>
/// <item><see cref="Collected"/>: what was paid through the payment provider; <see cref="Refunded"/>: what of it went
/// back; <see cref="Expected"/>: what confirmed bookings not paid online (paid at the meeting) and bookings awaiting
/// payment would bring.</item>
/// <item><c>LeadTimesMinutes</c>: booking made → meeting start, per booking (for medians across days).</item>
/// </list>
/// Days are counted in the host's zone by the meeting's start, so a late cancel corrects the day it belongs to.
/// </summary>
public sealed record DailyRollup(
    NodaTime.LocalDate Date,
    string EventType,
    int Booked,
    int Cancelled,
    int Rescheduled,
    int NoShows,
    int Completed,
    IReadOnlyDictionary<string, decimal> Revenue,
    IReadOnlyList<long> LeadTimesMinutes)
{
    /// <summary>The ends of the day's confirmed bookings not marked no-show: a meeting counts as completed once its end has passed.</summary>
    public IReadOnlyList<NodaTime.Instant> AttendedEnds { get; init; } = [];

    /// <summary>Paid online, per currency (refunds included: see <see cref="Refunded"/>); empty on rollups stored before payments.</summary>
    public IReadOnlyDictionary<string, decimal> Collected { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Refunded, per currency.</summary>
    public IReadOnlyDictionary<string, decimal> Refunded { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Not paid yet: confirmed bookings paid offline and bookings awaiting payment, per currency.</summary>
    public IReadOnlyDictionary<string, decimal> Expected { get; init; } = new Dictionary<string, decimal>();

    /// <summary>
    /// Completed meetings as of <paramref name="now"/>. A rollup stored before <see cref="AttendedEnds"/> existed has none
    /// listed and keeps its stored <see cref="Completed"/>.
    /// </summary>
    public int CompletedAt(NodaTime.Instant now) => AttendedEnds.Count == 0 ? Completed : AttendedEnds.Count(end => end <= now);
}
