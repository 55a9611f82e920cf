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
        var revenue = Money.Sum(days.SelectMany(d => d.Revenue));
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
            revenue)
        {
            Collected = Money.Sum(days.SelectMany(d => d.Collected)),
            Refunded = Money.Sum(days.SelectMany(d => d.Refunded)),
            Expected = Money.Sum(days.SelectMany(d => d.Expected)),
        };
    }

    /// <summary>The days' <see cref="DailyRollup.Collected"/>, summed.</summary>
    public IReadOnlyDictionary<string, decimal> Collected { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The days' <see cref="DailyRollup.Refunded"/>, summed.</summary>
    public IReadOnlyDictionary<string, decimal> Refunded { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The days' <see cref="DailyRollup.Expected"/>, summed.</summary>
    public IReadOnlyDictionary<string, decimal> Expected { get; init; } = new Dictionary<string, decimal>();
}
