namespace Schedly.Core.Analytics;

/// <summary>
/// One host-local day of one event type: how its bookings (those whose meeting starts that day) ended up.
/// <list type="bullet">
/// <item><c>Booked</c>: every booking, whatever happened to it later.</item>
/// <item><c>Cancelled</c>, <c>Rescheduled</c> (moved at least once), <c>NoShows</c>; <c>Completed</c>: confirmed, over, not a no-show.</item>
/// <item><c>Revenue</c>: per currency, the price of the bookings that were not cancelled.</item>
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
    IReadOnlyList<long> LeadTimesMinutes);
