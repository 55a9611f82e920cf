using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>
/// The slot rules written down as directly as possible (nested loops, Instants, no sweep), as an oracle for the
/// properties. Availability is the union of its intervals, checked by brute force minute by minute (every interval
/// bound in the scenarios lies on a whole minute). Slow on purpose.
/// </summary>
internal static class NaiveSlotReference
{
    public static SortedSet<Instant> Slots(SlotScenario scenario)
    {
        var eventType = scenario.EventType;
        var result = new SortedSet<Instant>();
        if (!eventType.Active)
        {
            return result;
        }

        var intervals = Intervals(scenario);
        var covered = new HashSet<Instant>();
        foreach (var (start, end) in intervals)
        {
            for (var minute = start; minute < end; minute += Duration.FromMinutes(1))
            {
                covered.Add(minute);
            }
        }

        foreach (var (start, end) in intervals)
        {
            for (var t = start; t < end; t += eventType.SlotInterval)
            {
                if (Covered(covered, t - eventType.BufferBefore, t + eventType.Duration + eventType.BufferAfter) && IsFree(scenario, t))
                {
                    result.Add(t);
                }
            }
        }

        return result;
    }

    /// <summary>Every availability interval of the dates around the query, as instants (maybe empty in a DST gap).</summary>
    public static List<(Instant Start, Instant End)> Intervals(SlotScenario scenario)
    {
        var queryRange = scenario.Query.ToInterval();
        var firstDate = queryRange.Start.InZone(scenario.HostZone).Date.PlusDays(-3);
        var lastDate = queryRange.End.InZone(scenario.HostZone).Date.PlusDays(3);
        var intervals = new List<(Instant Start, Instant End)>();
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            intervals.AddRange(scenario.Context.Availability.IntervalsOn(date).Select(range => range.ToInstants(date, scenario.HostZone)));
        }

        return intervals;
    }

    private static bool Covered(HashSet<Instant> covered, Instant from, Instant to)
    {
        for (var minute = from; minute < to; minute += Duration.FromMinutes(1))
        {
            if (!covered.Contains(minute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every rule except "inside an availability interval".</summary>
    public static bool IsFree(SlotScenario scenario, Instant t)
    {
        var eventType = scenario.EventType;
        var span = new Interval(t - eventType.BufferBefore, t + eventType.Duration + eventType.BufferAfter);
        var window = eventType.BookingWindow.Bounds(scenario.Now, scenario.HostZone);
        var hostDate = t.InZone(scenario.HostZone).Date;
        var clientDate = t.InZone(scenario.ClientZone).Date;
        return clientDate >= scenario.Query.Start && clientDate <= scenario.Query.End
            && t >= scenario.Now + eventType.MinimumNotice
            && t >= window.Start && t < window.End
            && scenario.Bookings.All(b => !Overlaps(b.BusySpan, span))
            && scenario.Blocked.All(b => !Overlaps(b.Interval, span))
            && (eventType.MaxBookingsPerDay is not { } max
                || scenario.Bookings.Count(b => b.CountsTowardDailyLimit && b.Start.InZone(scenario.HostZone).Date == hostDate) < max);
    }

    public static bool Overlaps(Interval a, Interval b) => a.Start < b.End && b.Start < a.End;
}
