using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>The busy list is bucket-sorted; these inputs hit its less common paths.</summary>
public sealed class SlotEngineBusySortingTests
{
    private static SlotScenario Scenario(IReadOnlyList<BusyBooking> bookings) => new(
        Zone("Europe/London"),
        Zone("Asia/Kathmandu"),
        Enumerable.Range(1, 7).ToDictionary(d => (IsoDayOfWeek)d, _ => (IReadOnlyList<LocalTimeRange>)[Range("06:00", "24:00")]),
        [],
        [new BlockedPeriod(new Interval(At("2026-05-31T00:00:00Z"), At("2026-06-02T05:30:00Z")), "long, starts before the query")],
        Event(duration: 15, interval: 5, before: 5, after: 5, maxPerDay: 30),
        bookings,
        Query("2026-06-02", "2026-06-04", "Asia/Kathmandu"),
        At("2026-06-01T00:00:00Z"));

    [Fact]
    public void Compute_ManyShuffledBookingsInOneHour_MatchesNaiveReference()
    {
        var random = new Random(7);
        var crowdedHour = At("2026-06-02T12:00:00Z");
        var crowded = Enumerable.Range(0, 60).Select(i => new BusyBooking(
            crowdedHour + Duration.FromMinutes(random.Next(0, 60)),
            crowdedHour + Duration.FromMinutes(61),
            Duration.Zero,
            Duration.FromMinutes(i % 3),
            countsTowardDailyLimit: i % 2 == 0));
        var spread = Enumerable.Range(0, 40).Select(i => new BusyBooking(
            At("2026-06-03T06:00:00Z") + Duration.FromMinutes(i * 37 % 600),
            At("2026-06-03T06:10:00Z") + Duration.FromMinutes(i * 37 % 600),
            Duration.FromMinutes(i % 4),
            Duration.Zero,
            countsTowardDailyLimit: i % 5 == 0));
        var bookings = crowded.Concat(spread).OrderBy(_ => random.Next()).ToArray();
        var scenario = Scenario(bookings);

        var days = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now);

        Assert.Equal(NaiveSlotReference.Slots(scenario), days.AllStarts());
        Assert.True(days.SlotCount > 100, "the scenario leaves many slots");
    }

    [Fact]
    public void Compute_SortedBookings_MatchesNaiveReference()
    {
        var bookings = Enumerable.Range(0, 50)
            .Select(i => new BusyBooking(
                At("2026-06-02T06:00:00Z") + Duration.FromMinutes(i * 47),
                At("2026-06-02T06:20:00Z") + Duration.FromMinutes(i * 47),
                Duration.FromMinutes(10),
                Duration.FromMinutes(10),
                countsTowardDailyLimit: true))
            .ToArray();
        var scenario = Scenario(bookings);

        var days = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now);

        Assert.Equal(NaiveSlotReference.Slots(scenario), days.AllStarts());
        Assert.True(days.SlotCount > 0, "the scenario leaves some slots");
    }
}
