using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>Examples on real 2026 transition dates (TZDB as shipped with NodaTime).</summary>
public sealed class SlotEngineDstTests
{
    private static readonly Instant _now = At("2026-01-01T00:00:00Z");

    private static SlotDays Compute(string hostZone, Availability availability, EventType eventType, string date, string clientZone) =>
        SlotEngine.Compute(new SlotContext(Zone(hostZone), availability, eventType, []), Query(date, date, clientZone), _now);

    [Fact]
    public void Compute_NewYorkSpringForward_LacksSkippedHour()
    {
        // 2026-03-08 02:00 EST -> 03:00 EDT. 01:00-04:00 local is two elapsed hours.
        var days = Compute("America/New_York", EveryDay(Range("01:00", "04:00")), Event(duration: 30), "2026-03-08", "America/New_York");

        Assert.Equal(["2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"], Starts(days));
        Assert.Equal(["2026-03-08: 01:00 01:30 03:00 03:30"], LocalView(days, Zone("America/New_York")));
    }

    [Fact]
    public void Compute_NewYorkSpringForward_StartInGapMeansGapEnd()
    {
        // 02:30 does not exist: the interval starts when the gap ends (03:00 EDT), not at 03:30.
        var days = Compute("America/New_York", EveryDay(Range("02:30", "04:00")), Event(duration: 30), "2026-03-08", "America/New_York");

        Assert.Equal(["2026-03-08: 03:00 03:30"], LocalView(days, Zone("America/New_York")));
    }

    [Fact]
    public void Compute_NewYorkFallBack_OffersRepeatedHourOncePerInstant()
    {
        // 2026-11-01 02:00 EDT -> 01:00 EST. 00:00-03:00 local is four elapsed hours.
        var days = Compute("America/New_York", EveryDay(Range("00:00", "03:00")), Event(duration: 60), "2026-11-01", "UTC");

        Assert.Equal(
            ["2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"],
            Starts(days));
        Assert.Equal(["2026-11-01: 00:00 01:00 01:00 02:00"], LocalView(days, Zone("America/New_York")));
    }

    [Fact]
    public void Compute_NewYorkFallBack_AmbiguousStartIsEarlierAndEndIsLater()
    {
        // 01:00-01:30 is ambiguous at both ends: from 01:00 EDT (05:00Z) to 01:30 EST (06:30Z).
        var days = Compute("America/New_York", EveryDay(Range("01:00", "01:30")), Event(duration: 30), "2026-11-01", "UTC");

        Assert.Equal(["2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"], Starts(days));
    }

    [Fact]
    public void Compute_LondonSpringForward_ClientInNewYork_GroupsByClientDate()
    {
        // 2026-03-29 01:00 GMT -> 02:00 BST in London; New York is already on EDT (-4).
        var days = SlotEngine.Compute(
            new SlotContext(Zone("Europe/London"), EveryDay(Range("00:00", "03:00")), Event(duration: 60), []),
            Query("2026-03-28", "2026-03-28", "America/New_York"), _now);

        // London 00:00 GMT, 02:00 BST (01:00-02:00 skipped) = 00:00Z, 01:00Z -> New York 20:00, 21:00 on the 28th.
        // Plus London 2026-03-28 00:00, 01:00, 02:00 GMT = 20:00, 21:00, 22:00 EDT on the 27th: outside the range.
        Assert.Equal(["2026-03-28: 20:00 21:00"], LocalView(days, Zone("America/New_York")));
        Assert.Equal(["2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"], Starts(days));
    }

    [Fact]
    public void Compute_LondonFallBack_OffersRepeatedHourTwice()
    {
        // 2026-10-25 02:00 BST -> 01:00 GMT. 00:30-02:30 local is three elapsed hours.
        var days = Compute("Europe/London", EveryDay(Range("00:30", "02:30")), Event(duration: 45, interval: 45), "2026-10-25", "Europe/London");

        Assert.Equal(["2026-10-24T23:30:00Z", "2026-10-25T00:15:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:45:00Z"], Starts(days));
        Assert.Equal(["2026-10-25: 00:30 01:15 01:00 01:45"], LocalView(days, Zone("Europe/London")));
    }

    [Fact]
    public void Compute_LordHoweFallBackHalfHour_OffersRepeatedHalfHourTwice()
    {
        // 2026-04-05 02:00 +11 -> 01:30 +10:30. 01:00-03:00 local is 2.5 elapsed hours.
        var days = Compute("Australia/Lord_Howe", EveryDay(Range("01:00", "03:00")), Event(duration: 30), "2026-04-05", "Australia/Lord_Howe");

        Assert.Equal(
            ["2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:30:00Z", "2026-04-04T16:00:00Z"],
            Starts(days));
        Assert.Equal(["2026-04-05: 01:00 01:30 01:30 02:00 02:30"], LocalView(days, Zone("Australia/Lord_Howe")));
    }

    [Fact]
    public void Compute_LordHoweSpringForwardHalfHour_ClientInKathmandu_GroupsByClientDate()
    {
        // 2026-10-04 02:00 +10:30 -> 02:30 +11. 01:00-04:00 local is 2.5 elapsed hours, 14:30Z-17:00Z.
        var days = SlotEngine.Compute(
            new SlotContext(Zone("Australia/Lord_Howe"), EveryDay(Range("01:00", "04:00")), Event(duration: 60, interval: 30), []),
            Query("2026-10-03", "2026-10-03", "Asia/Kathmandu"), _now);

        // Kathmandu is +05:45: 14:30Z is 20:15 on the 3rd.
        Assert.Equal(["2026-10-03: 20:15 20:45 21:15 21:45"], LocalView(days, Zone("Asia/Kathmandu")));
        Assert.Equal("Asia/Kathmandu", days.TimeZone);
    }

    [Fact]
    public void Compute_KathmanduHost_ClientInNewYork_SlotsSplitAcrossClientDates()
    {
        // Kathmandu 09:00-12:00 (+05:45) = 03:15Z-06:15Z = New York 23:15 (prev day) to 02:15 EDT.
        var days = SlotEngine.Compute(
            new SlotContext(Zone("Asia/Kathmandu"), EveryDay(Range("09:00", "12:00")), Event(duration: 60), []),
            Query("2026-06-10", "2026-06-10", "America/New_York"), _now);

        Assert.Equal(["2026-06-10: 00:15 01:15 23:15"], LocalView(days, Zone("America/New_York")));
        Assert.Equal(["2026-06-10T04:15:00Z", "2026-06-10T05:15:00Z", "2026-06-11T03:15:00Z"], Starts(days));
    }

    [Fact]
    public void Compute_SantiagoSpringForwardAtMidnight_StartInGapMeansGapEnd()
    {
        // 2026-09-06 00:00 -04 -> 01:00 -03: local midnight does not exist; the day starts at 01:00 (04:00Z).
        var days = Compute("America/Santiago", EveryDay(Range("00:00", "03:00")), Event(duration: 60), "2026-09-06", "America/Santiago");

        Assert.Equal(["2026-09-06T04:00:00Z", "2026-09-06T05:00:00Z"], Starts(days));
        Assert.Equal(["2026-09-06: 01:00 02:00"], LocalView(days, Zone("America/Santiago")));
    }

    [Fact]
    public void Compute_SantiagoFallBackAtMidnight_EndOfDayCoversRepeatedHour_ClientInLondon()
    {
        // 2026-04-05 00:00 -03 -> 2026-04-04 23:00 -04: 23:00-24:00 on the 4th happens twice.
        // 22:00-24:00 local on the 4th is 01:00Z-04:00Z, three elapsed hours; London is +01 (BST).
        var days = SlotEngine.Compute(
            new SlotContext(Zone("America/Santiago"), EveryDay(Range("22:00", "24:00")), Event(duration: 60), []),
            Query("2026-04-05", "2026-04-05", "Europe/London"), _now);

        Assert.Equal(["2026-04-05: 02:00 03:00 04:00"], LocalView(days, Zone("Europe/London")));
        Assert.Equal(["2026-04-04: 22:00 23:00 23:00"], [.. days.Select(d => "2026-04-04: " + string.Join(" ",
            d.Select(s => s.Start.InZone(Zone("America/Santiago")).TimeOfDay.ToString("HH':'mm", null))))]);
    }

    [Fact]
    public void Compute_OverlappingResolvedIntervalsOnFallBack_SortedAndUnique()
    {
        // Adjacent local ranges 00:00-01:30 and 01:30-03:00 overlap in instants on the New York fall-back night:
        // the first ends at the later 01:30, the second starts at the earlier 01:30.
        var days = Compute(
            "America/New_York", EveryDay(Range("00:00", "01:30"), Range("01:30", "03:00")), Event(duration: 30), "2026-11-01", "UTC");

        var starts = days.AllStarts().ToArray();
        Assert.Equal(starts.Distinct().OrderBy(s => s), starts);
        Assert.Equal(At("2026-11-01T04:00:00Z"), starts[0]);
        Assert.Equal(At("2026-11-01T07:30:00Z"), starts[^1]);
        Assert.Equal(8, starts.Length);
    }
}
