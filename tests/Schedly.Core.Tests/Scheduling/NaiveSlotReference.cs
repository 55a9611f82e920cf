using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>
/// The slot rules written down as directly as possible (nested loops, Instants, no sweep), as an oracle for the
/// properties. Quadratic and slow on purpose.
/// </summary>
internal static class NaiveSlotReference
{
    public static SortedSet<Instant> Slots(SlotScenario scenario)
    {
        var context = scenario.Context;
        var eventType = scenario.EventType;
        var result = new SortedSet<Instant>();
        if (!eventType.Active)
        {
            return result;
        }

        var queryRange = scenario.Query.ToInterval();
        var firstDate = queryRange.Start.InZone(scenario.HostZone).Date.PlusDays(-2);
        var lastDate = queryRange.End.InZone(scenario.HostZone).Date.PlusDays(2);
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            foreach (var range in context.Availability.IntervalsOn(date))
            {
                var (start, end) = range.ToInstants(date, scenario.HostZone);
                for (var t = start; t + eventType.Duration + eventType.BufferAfter <= end; t += eventType.SlotInterval)
                {
                    if (t - eventType.BufferBefore >= start && IsFree(scenario, t))
                    {
                        result.Add(t);
                    }
                }
            }
        }

        return result;
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
