using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Scheduling;

public sealed class SlotEngineProperties
{
    private const int Tests = 200;

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void Compute_RandomSchedule_MatchesNaiveReference(SlotScenario scenario)
    {
        var days = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now);

        Assert.Equal(NaiveSlotReference.Slots(scenario), days.AllStarts());
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void Compute_RandomSchedule_EverySlotInsideTheUnionAndAlignedToItsInterval(SlotScenario scenario)
    {
        var eventType = scenario.EventType;
        var intervals = NaiveSlotReference.Intervals(scenario).Where(i => i.End > i.Start).OrderBy(i => i.Start).ToList();
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Instant.Max(merged[^1].End, interval.End));
            }
            else
            {
                merged.Add(interval);
            }
        }

        foreach (var start in SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now).AllStarts())
        {
            Assert.True(intervals.Any(i => start >= i.Start && start < i.End
                && (start - i.Start).BclCompatibleTicks % eventType.SlotInterval.BclCompatibleTicks == 0),
                $"{start} is not aligned to the interval containing it");
            Assert.True(merged.Any(m => start - eventType.BufferBefore >= m.Start && start + eventType.Duration + eventType.BufferAfter <= m.End),
                $"{start} with its buffers is not inside the union of the availability intervals");
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void Compute_RandomSchedule_NoSlotOverlapsBusyTimeAndRulesHold(SlotScenario scenario)
    {
        var eventType = scenario.EventType;
        var window = eventType.BookingWindow.Bounds(scenario.Now, scenario.HostZone);
        var slots = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now).AllStarts().ToArray();
        foreach (var start in slots)
        {
            var span = new Interval(start - eventType.BufferBefore, start + eventType.Duration + eventType.BufferAfter);
            Assert.DoesNotContain(scenario.Bookings, b => NaiveSlotReference.Overlaps(b.BusySpan, span));
            Assert.DoesNotContain(scenario.Blocked, b => NaiveSlotReference.Overlaps(b.Interval, span));
            Assert.True(start >= scenario.Now + eventType.MinimumNotice, "minimum notice");
            Assert.True(start >= window.Start && start < window.End, "booking window");
        }

        if (eventType.MaxBookingsPerDay is { } max)
        {
            var hostDates = slots.Select(s => s.InZone(scenario.HostZone).Date).Distinct();
            Assert.All(hostDates, date => Assert.True(
                scenario.Bookings.Count(b => b.CountsTowardDailyLimit && b.Start.InZone(scenario.HostZone).Date == date) < max));
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void Compute_RandomSchedule_SortedUniqueAndGroupedUnderClientDate(SlotScenario scenario)
    {
        var days = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now);

        var starts = days.AllStarts().ToArray();
        Assert.Equal(starts.Distinct().Order(), starts);
        Assert.Equal(days.Select(d => d.Date).Distinct().Order(), days.Select(d => d.Date));
        Assert.Equal(scenario.ClientZone.Id, days.TimeZone);
        foreach (var day in days)
        {
            Assert.True(day.Count > 0, "days without slots are omitted");
            Assert.InRange(day.Date, scenario.Query.Start, scenario.Query.End);
            Assert.All(day, slot =>
            {
                Assert.Equal(day.Date, slot.Start.InZone(scenario.ClientZone).Date);
                Assert.Equal(scenario.EventType.Duration, slot.End - slot.Start);
            });
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void Compute_AnyClientZone_SameInstants(SlotScenario scenario, int zoneIndex)
    {
        var otherZone = DateTimeZoneProviders.Tzdb[SlotScenarioArbitrary.ZoneIds[Math.Abs(zoneIndex % SlotScenarioArbitrary.ZoneIds.Length)]];
        var range = scenario.Query.ToInterval();
        var wider = new SlotQuery(
            range.Start.InZone(otherZone).Date.PlusDays(-1), (range.End.InZone(otherZone).Date).PlusDays(1), otherZone);

        var asked = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now).AllStarts();
        var other = SlotEngine.Compute(scenario.Context, wider, scenario.Now).AllStarts().Where(range.Contains);

        Assert.Equal(asked, other);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(SlotScenarioArbitrary)])]
    public void IsOffered_RandomSchedule_AgreesWithCompute(SlotScenario scenario, int probeMinutes)
    {
        var offered = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now).AllStarts().ToHashSet();
        foreach (var start in offered)
        {
            Assert.True(SlotEngine.IsOffered(scenario.Context, start, scenario.Now), $"{start} offered by Compute");
        }

        var range = scenario.Query.ToInterval();
        var probe = range.Start + Duration.FromMinutes(Math.Abs(probeMinutes % (int)(range.End - range.Start).TotalMinutes) / 5 * 5);
        Assert.Equal(offered.Contains(probe), SlotEngine.IsOffered(scenario.Context, probe, scenario.Now));
    }
}
