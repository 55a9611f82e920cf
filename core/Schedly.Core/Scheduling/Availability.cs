using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// When a host can be booked, in the host's zone (the zone itself belongs to the host profile):
/// weekly hours, date overrides that replace the weekly hours on their date, and blocked periods
/// (instant ranges that are busy time).
/// </summary>
public sealed class Availability
{
    public const int MaxIntervalsPerDay = 24;
    public const int MaxOverrides = 1000;
    public const int MaxBlockedPeriods = 1000;

    private readonly Dictionary<LocalDate, DateOverride> _overrides;

    public Availability(WeeklyHours weekly, IReadOnlyList<DateOverride> overrides, IReadOnlyList<BlockedPeriod> blocked)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(blocked);
        _overrides = new Dictionary<LocalDate, DateOverride>(overrides.Count);
        foreach (var dateOverride in overrides)
        {
            ArgumentNullException.ThrowIfNull(dateOverride, nameof(overrides));
            if (!_overrides.TryAdd(dateOverride.Date, dateOverride))
            {
                throw new ArgumentException($"Duplicate override for {dateOverride.Date:uuuu-MM-dd}.", nameof(overrides));
            }
        }

        Weekly = weekly;
        Overrides = overrides.OrderBy(o => o.Date).ToArray();
        Blocked = blocked.ToArray();
    }

    /// <summary>Closed every day, no overrides, nothing blocked: a new host's availability.</summary>
    public static Availability None { get; } = new(WeeklyHours.None, [], []);

    public WeeklyHours Weekly { get; }

    /// <summary>Date overrides, sorted by date, one per date at most.</summary>
    public IReadOnlyList<DateOverride> Overrides { get; }

    public IReadOnlyList<BlockedPeriod> Blocked { get; }

    /// <summary>
    /// This availability with <paramref name="busy"/> (busy time imported from the host's calendars) as extra blocked
    /// periods, so the slot engine treats it like any blocked period. Empty intervals are ignored.
    /// </summary>
    public Availability WithBusy(IEnumerable<Interval> busy)
    {
        ArgumentNullException.ThrowIfNull(busy);
        var extra = busy.Where(i => i.HasStart && i.HasEnd && i.End > i.Start).Select(i => new BlockedPeriod(i, null)).ToList();
        return extra.Count == 0 ? this : new Availability(Weekly, Overrides, [.. Blocked, .. extra]);
    }

    /// <summary>The ranges that apply on a host-local date: the override's if there is one, else the weekday's.</summary>
    public IReadOnlyList<LocalTimeRange> IntervalsOn(LocalDate date) =>
        _overrides.TryGetValue(date, out var dateOverride) ? dateOverride.Intervals : Weekly.For(date.DayOfWeek);
}
