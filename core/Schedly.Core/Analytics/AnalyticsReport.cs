namespace Schedly.Core.Analytics;

/// <summary>
/// A host's figures over a date range: the daily series and the totals, with cancellation and no-show
/// rates (over bookings; no-shows over bookings not cancelled), the median lead time and revenue per currency.
/// </summary>
public sealed record AnalyticsReport(
    IReadOnlyList<DailyRollup> Days,
    int Booked,
    int Cancelled,
    int Rescheduled,
    int NoShows,
    int Completed,
    double CancellationRate,
    double NoShowRate,
    long? MedianLeadTimeMinutes,
    IReadOnlyDictionary<string, decimal> Revenue)
{
    public static AnalyticsReport From(IReadOnlyList<DailyRollup> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var booked = days.Sum(d => d.Booked);
        var cancelled = days.Sum(d => d.Cancelled);
        var noShows = days.Sum(d => d.NoShows);
        var leadTimes = days.SelectMany(d => d.LeadTimesMinutes).Order().ToList();
        long? median = leadTimes.Count == 0
            ? null
            : leadTimes.Count % 2 == 1
                ? leadTimes[leadTimes.Count / 2]
                : (leadTimes[(leadTimes.Count / 2) - 1] + leadTimes[leadTimes.Count / 2]) / 2;
        var revenue = days.SelectMany(d => d.Revenue)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
        return new AnalyticsReport(
            days,
            booked,
            cancelled,
            days.Sum(d => d.Rescheduled),
            noShows,
            days.Sum(d => d.Completed),
            booked == 0 ? 0 : Math.Round((double)cancelled / booked, 4),
            booked - cancelled == 0 ? 0 : Math.Round((double)noShows / (booked - cancelled), 4),
            median,
            revenue);
    }
}
