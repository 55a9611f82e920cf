using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A client's question: which slots start on the local dates <c>[Start, End]</c> (BOTH inclusive) in
/// <see cref="TimeZone"/>? At most <see cref="MaxDays"/> dates.
/// </summary>
public sealed record SlotQuery
{
    public const int MaxDays = 62;

    /// <summary>
    /// The most slots one response may hold. A query is refused when its dates could hold more at the event type's
    /// slot interval (<see cref="MaxDaysFor"/>): with the smallest interval (1 minute) that is 6 days per query.
    /// </summary>
    public const int MaxSlots = 10_000;

    /// <summary>The longest client-local day (25 h, the day a DST change repeats an hour), in minutes.</summary>
    private const int LongestDayMinutes = 25 * 60;

    /// <summary>The number of dates the query covers (start and end inclusive).</summary>
    public int Days => Period.DaysBetween(Start, End) + 1;

    /// <summary>
    /// The most dates one query may cover for an event type offering a slot every <paramref name="slotInterval"/>, so
    /// that a response holds at most <see cref="MaxSlots"/> slots: <see cref="MaxDays"/> from a 10-minute interval up.
    /// </summary>
    public static int MaxDaysFor(Duration slotInterval)
    {
        var minutes = Math.Max(1L, (long)slotInterval.TotalMinutes);
        var slotsPerDay = (LongestDayMinutes + minutes - 1) / minutes;
        return (int)Math.Clamp(MaxSlots / slotsPerDay, 1, MaxDays);
    }

    public SlotQuery(LocalDate start, LocalDate end, DateTimeZone timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (end < start)
        {
            throw new ArgumentException("The end date must not be before the start date.", nameof(end));
        }

        if (Period.DaysBetween(start, end) + 1 > MaxDays)
        {
            throw new ArgumentException($"At most {MaxDays} days.", nameof(end));
        }

        Start = start;
        End = end;
        TimeZone = timeZone;
    }

    /// <summary>First client-local date (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>Last client-local date (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>The client's zone, in which dates are read and slots grouped.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>
    /// The instants whose local date in the client zone lies in <c>[Start, End]</c>: from the start of
    /// <see cref="Start"/> to the start of the day after <see cref="End"/> (exclusive).
    /// </summary>
    public Interval ToInterval() =>
        new(Start.AtStartOfDayInZone(TimeZone).ToInstant(), End.PlusDays(1).AtStartOfDayInZone(TimeZone).ToInstant());
}
