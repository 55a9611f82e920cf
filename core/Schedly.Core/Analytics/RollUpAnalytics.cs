using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;

namespace Schedly.Core.Analytics;

/// <summary>
/// The analytics timer's work: for every host, recompute the daily rollups of a window (90 days back
/// to 365 days ahead, host-local) from the bookings themselves and replace the stored ones. Recomputing
/// rather than incrementing makes reruns harmless and lets late events (a cancel next week for
/// today's booking) correct the right day.
/// </summary>
public sealed class RollUpAnalytics(IHostDirectory directory, IHostRepository hosts, IBookingStore bookings, IAnalyticsStore analytics, IClock clock)
{
    public const int DaysBack = 90;
    public const int DaysAhead = 365;

    /// <summary>How many hosts were rolled up.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var slug in directory.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await RollUpHostAsync(slug, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    public async Task RollUpHostAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        var zone = host.Value.Profile.TimeZone;
        var today = now.InZone(zone).Date;
        var (from, to) = (today.PlusDays(-DaysBack), today.PlusDays(DaysAhead));
        var range = new Interval(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var all = new List<Booking>();
        string? continuation = null;
        do
        {
            var page = await bookings.ListAsync(slug, range, null, 500, continuation, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Bookings);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        await analytics.ReplaceAsync(slug, from, to, AnalyticsCalculator.Rollup(all, zone, now), cancellationToken).ConfigureAwait(false);
    }
}
