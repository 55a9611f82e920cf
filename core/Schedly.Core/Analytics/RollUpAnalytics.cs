using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;

namespace Schedly.Core.Analytics;

/// <summary>
/// Keeps a host's daily rollups equal to its bookings, day by day. Every booking event asks for the host-local days
/// it touched (the start, and the previous start of a move) to be recomputed (an <c>analytics</c> queue message, see
/// <see cref="AnalyticsWork"/>), so the work is O(events) and never visits hosts that had none. A day is recomputed
/// from its bookings and replaced with optimistic concurrency: its stored version is read before its bookings and
/// the replace is conditional on it, so of two recomputes racing on one day the one that read older bookings can
/// never overwrite the newer. Recomputing rather than incrementing makes redelivered messages harmless, and
/// "completed" needs no recompute as meetings end (see <see cref="DailyRollup.CompletedAt"/>).
/// </summary>
public sealed class RollUpAnalytics(IHostRepository hosts, IBookingStore bookings, IAnalyticsStore analytics, IClock clock)
{
    public const int DaysBack = 90;
    public const int DaysAhead = 365;

    /// <summary>Recomputes the host-local days of <paramref name="work"/>'s instants; returns how many days.</summary>
    public async Task<int> RecomputeAsync(AnalyticsWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!HostSlug.TryParse(work.Host, out var slug) || await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false) is not { } host)
        {
            return 0;
        }

        var zone = host.Value.Profile.TimeZone;
        var dates = work.Starts.Select(s => s.InZone(zone).Date).Distinct().ToList();
        foreach (var date in dates)
        {
            await RecomputeDayAsync(slug, zone, date, cancellationToken).ConfigureAwait(false);
        }

        return dates.Count;
    }

    /// <summary>
    /// Rebuilds every day of the host from 90 days back to 365 days ahead that has bookings or a stored rollup (an
    /// operator's repair, and how tests settle the figures at once).
    /// </summary>
    public async Task RollUpHostAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return;
        }

        var zone = host.Value.Profile.TimeZone;
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var (from, to) = (today.PlusDays(-DaysBack), today.PlusDays(DaysAhead));
        var dates = (await ReadBookingsAsync(slug, Range(from, to, zone), cancellationToken).ConfigureAwait(false))
            .Select(b => b.Start.InZone(zone).Date)
            .Concat((await analytics.ReadAsync(slug, from, to, cancellationToken).ConfigureAwait(false)).Days.Select(r => r.Date))
            .Distinct()
            .Order();
        foreach (var date in dates)
        {
            await RecomputeDayAsync(slug, zone, date, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<bool> RecomputeDayAsync(HostSlug slug, DateTimeZone zone, LocalDate date, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<bool>("Analytics day", async ct =>
        {
            var version = await analytics.ReadDayVersionAsync(slug, date, ct).ConfigureAwait(false);
            var dayBookings = await ReadBookingsAsync(slug, Range(date, date, zone), ct).ConfigureAwait(false);
            var rollups = AnalyticsCalculator.Rollup(dayBookings, zone, clock.GetCurrentInstant());
            return await analytics.TryReplaceDayAsync(slug, date, rollups, version, ct).ConfigureAwait(false)
                ? true
                : Attempt<bool>.Conflict;
        }, cancellationToken);

    private static Interval Range(LocalDate from, LocalDate to, DateTimeZone zone) =>
        new(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

    private async Task<List<Booking>> ReadBookingsAsync(HostSlug slug, Interval range, CancellationToken cancellationToken)
    {
        var all = new List<Booking>();
        string? continuation = null;
        do
        {
            var page = await bookings.ListAsync(slug, range, [], 500, continuation, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Bookings);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return all;
    }
}
