using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Hours that replace the weekly hours on one host-local date. No intervals means closed all day.
/// Intervals are sorted and non-overlapping.
/// </summary>
public sealed record DateOverride
{
    public DateOverride(LocalDate date, IReadOnlyList<LocalTimeRange> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        AvailabilityRules.EnsureSortedAndDisjoint(intervals, nameof(intervals));
        Date = date;
        Intervals = intervals.ToArray();
    }

    public LocalDate Date { get; }

    public IReadOnlyList<LocalTimeRange> Intervals { get; }

    public bool IsClosed => Intervals.Count == 0;
}
