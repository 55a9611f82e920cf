using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>Availability is the union of its intervals: slots cross the seam between touching intervals and local midnight.</summary>
public sealed class SlotEngineUnionTests
{
    private static readonly DateTimeZone _london = Zone("Europe/London");
    private static readonly Instant _now = At("2026-01-01T00:00:00Z");

    private static SlotDays Compute(Availability availability, EventType eventType, string from, string to, params BusyBooking[] bookings) =>
        SlotEngine.Compute(new SlotContext(_london, availability, eventType, bookings), Query(from, to, "Europe/London"), _now);

    private static Availability Days(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> byDay, params DateOverride[] overrides) =>
        new(new WeeklyHours(byDay), overrides, []);

    [Fact]
    public void Compute_TouchingIntervals_SlotCrossesTheSeam()
    {
        var days = Compute(EveryDay(Range("09:00", "12:00"), Range("12:00", "14:00")), Event(duration: 60, interval: 30), "2026-06-02", "2026-06-02");

        Assert.Equal(["2026-06-02: 09:00 09:30 10:00 10:30 11:00 11:30 12:00 12:30 13:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_SeamWithBuffers_BuffersMayCrossTheSeamToo()
    {
        var days = Compute(EveryDay(Range("09:00", "10:00"), Range("10:00", "11:00")), Event(duration: 30, interval: 30, before: 30, after: 30), "2026-06-02", "2026-06-02");

        Assert.Equal(["2026-06-02: 09:30 10:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_IntervalsWithAGap_DoNotMerge()
    {
        var days = Compute(EveryDay(Range("09:00", "12:00"), Range("12:15", "14:00")), Event(duration: 60, interval: 30), "2026-06-02", "2026-06-02");

        Assert.Equal(["2026-06-02: 09:00 09:30 10:00 10:30 11:00 12:15 12:45"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_AroundTheClock_OffersTheSlotAcrossLocalMidnight()
    {
        var days = Compute(EveryDay(Range("00:00", "24:00")), Event(duration: 60, interval: 30), "2026-06-02", "2026-06-02");

        var slot = days[0][^1];
        Assert.Equal(48, days[0].Count);
        Assert.Equal(At("2026-06-02T22:30:00Z"), slot.Start); // 23:30 BST
        Assert.Equal(At("2026-06-02T23:30:00Z"), slot.End); // 00:30 BST the next day
    }

    [Fact]
    public void Compute_EveningThenNextMorning_MergeAcrossMidnight_StartGridRestartsAtEachInterval()
    {
        var byDay = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Monday] = [Range("22:00", "24:00")],
            [IsoDayOfWeek.Tuesday] = [Range("00:00", "02:00")],
        };

        var days = Compute(Days(byDay), Event(duration: 90, interval: 45), "2026-06-01", "2026-06-02");

        // Monday's grid from 22:00: 22:00, 22:45, 23:30 (23:30 runs to 01:00 Tuesday); Tuesday's grid from 00:00: 00:00, 00:30 would need 02:00.
        Assert.Equal(["2026-06-01: 22:00 22:45 23:30", "2026-06-02: 00:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_ClosedNextDay_NothingCrossesMidnight()
    {
        var byDay = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> { [IsoDayOfWeek.Monday] = [Range("22:00", "24:00")] };

        var days = Compute(Days(byDay), Event(duration: 60, interval: 30), "2026-06-01", "2026-06-02");

        Assert.Equal(["2026-06-01: 22:00 22:30 23:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_OverrideClosesNextDay_SlotNoLongerCrossesMidnight()
    {
        var closed = new DateOverride(Date("2026-06-03"), []);

        var days = Compute(new Availability(EveryDay(Range("00:00", "24:00")).Weekly, [closed], []), Event(duration: 60, interval: 30), "2026-06-02", "2026-06-02");

        Assert.Equal(At("2026-06-02T22:00:00Z"), days[0][^1].Start); // 23:00 BST, the last that ends by midnight
    }

    [Fact]
    public void Compute_BookingAcrossMidnight_BlocksTheSlotsItOverlaps()
    {
        var booking = Booking("2026-06-02T23:00:00Z", 30); // 00:00–00:30 BST on 3 June

        var days = Compute(EveryDay(Range("00:00", "24:00")), Event(duration: 60, interval: 30), "2026-06-02", "2026-06-02", booking);

        Assert.Equal(At("2026-06-02T22:00:00Z"), days[0][^1].Start);
    }

    [Fact]
    public void Compute_AroundTheClockOnSpringForwardNight_ContinuousAcrossMidnightAndTheGap()
    {
        // 2026-03-29 01:00 GMT -> 02:00 BST. 28 March 23:30 GMT runs to 00:30 GMT; the day itself has 23 hours.
        var days = Compute(EveryDay(Range("00:00", "24:00")), Event(duration: 60, interval: 30), "2026-03-28", "2026-03-29");

        var starts = days.AllStarts().ToArray();
        Assert.Contains(At("2026-03-28T23:30:00Z"), starts);
        Assert.Contains(At("2026-03-29T00:30:00Z"), starts); // 00:30 GMT to 02:30 BST across the gap
        Assert.Equal(46, days[1].Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(Duration.FromMinutes(30), pair.Second - pair.First));
    }

    [Fact]
    public void Compute_AroundTheClockOnFallBackNight_RepeatedHourOnceAndSlotsCrossMidnight()
    {
        // 2026-10-25 02:00 BST -> 01:00 GMT: the host day has 25 hours.
        var days = Compute(EveryDay(Range("00:00", "24:00")), Event(duration: 60), "2026-10-24", "2026-10-25");

        Assert.Equal(At("2026-10-24T22:00:00Z"), days[0][^1].Start); // 23:00 BST to 00:00 BST
        Assert.Equal(25, days[1].Count);
        Assert.Equal(At("2026-10-25T23:00:00Z"), days[1][^1].Start); // 23:00 GMT to midnight
    }

    [Fact]
    public void IsOffered_AroundTheClockAndSeam_SameRuleAsCompute()
    {
        var context = new SlotContext(_london, EveryDay(Range("00:00", "12:00"), Range("12:00", "24:00")), Event(duration: 60, interval: 30), []);

        Assert.True(SlotEngine.IsOffered(context, At("2026-06-02T22:30:00Z"), _now)); // 23:30–00:30 BST
        Assert.True(SlotEngine.IsOffered(context, At("2026-06-02T10:30:00Z"), _now)); // 11:30–12:30 BST
        Assert.False(SlotEngine.IsOffered(context, At("2026-06-02T10:45:00Z"), _now)); // off the grid
    }
}
