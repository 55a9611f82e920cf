using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Benchmarks;

/// <summary>The benchmarks' working week: 08:00–18:00, Monday to Friday.</summary>
internal static class WeekdayHours
{
    public static WeeklyHours EightToSix()
    {
        IReadOnlyList<LocalTimeRange> hours = [LocalTimeRange.Of(new LocalTime(8, 0), new LocalTime(18, 0))];
        return new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Monday] = hours,
            [IsoDayOfWeek.Tuesday] = hours,
            [IsoDayOfWeek.Wednesday] = hours,
            [IsoDayOfWeek.Thursday] = hours,
            [IsoDayOfWeek.Friday] = hours,
        });
    }
}
