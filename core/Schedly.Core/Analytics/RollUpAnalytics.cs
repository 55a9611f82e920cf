using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;

namespace Schedly.Core.Analytics;

/// <summary>
/// The analytics timer's work: for every host, recompute the daily rollups of a window (90 days back
/// to 365 days ahead, host-local) from the bookings themselves and replace the stored ones. Recomputing
/// rather than incrementing makes reruns harmless and lets late events (a cancel next week for
/// today's booking) correct the right day.
/// Hosts are independent: a host that fails (its bookings or rollups cannot be read or written) is
/// recorded and the run goes on with the next one, so it cannot starve the hosts listed after it.
/// </summary>
public sealed class RollUpAnalytics(IHostDirectory directory, IHostRepository hosts, IBookingStore bookings, IAnalyticsStore analytics, IClock clock)
{
    public const int DaysBack = 90;
    public const int DaysAhead = 365;

    /// <summary>
    /// Rolls up every host and returns how many were rolled up (hosts that failed are not counted).
    /// When any host failed, throws, after visiting all of them, an <see cref="AggregateException"/>
    /// whose message names the failed hosts and whose inner exceptions are their failures. A failure
    /// of the host listing itself, and cancellation, propagate at once.
    /// </summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var failures = new HostRunFailures();
        await foreach (var slug in directory.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await RollUpHostAsync(slug, cancellationToken).ConfigureAwait(false);
                count++;
            }
            catch (Exception e) when (HostRunFailures.IsHostFailure(e, cancellationToken))
            {
                failures.Add(slug, e);
            }
        }

        failures.ThrowIfAny("Analytics rollup", count + failures.Count, $"the other {count} were rolled up.");
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
