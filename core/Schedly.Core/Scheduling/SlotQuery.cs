using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A client's question: which slots start on the local dates <c>[Start, End]</c> (BOTH inclusive) in
/// <see cref="TimeZone"/>? At most <see cref="MaxDays"/> dates.
/// </summary>
public sealed record SlotQuery
{
    public const int MaxDays = 62;

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
