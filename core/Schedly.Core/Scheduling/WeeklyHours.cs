using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The host's regular hours: for each ISO weekday, zero or more sorted, non-overlapping local time ranges
/// (adjacent ranges such as 09:00–12:00 and 12:00–13:00 are allowed). A weekday with no ranges is closed.
/// </summary>
public sealed class WeeklyHours
{
    private static readonly IReadOnlyList<LocalTimeRange> _closed = [];
    private readonly IReadOnlyList<LocalTimeRange>[] _byDay;

    /// <param name="byDay">Ranges per weekday; a missing weekday is closed. Each list must be sorted and non-overlapping.</param>
    public WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> byDay)
    {
        ArgumentNullException.ThrowIfNull(byDay);
        _byDay = new IReadOnlyList<LocalTimeRange>[8];
        for (var i = 0; i < _byDay.Length; i++)
        {
            _byDay[i] = _closed;
        }

        foreach (var (day, ranges) in byDay)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentOutOfRangeException(nameof(byDay), day, "Not an ISO weekday.");
            }

            ArgumentNullException.ThrowIfNull(ranges);
            AvailabilityRules.EnsureSortedAndDisjoint(ranges, nameof(byDay));
            _byDay[(int)day] = ranges.ToArray();
        }
    }

    /// <summary>Closed every day.</summary>
    public static WeeklyHours None { get; } = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>());

    /// <summary>The ranges for <paramref name="day"/>, sorted; empty when closed.</summary>
    public IReadOnlyList<LocalTimeRange> For(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? _byDay[(int)day]
            : throw new ArgumentOutOfRangeException(nameof(day), day, "Not an ISO weekday.");
}
