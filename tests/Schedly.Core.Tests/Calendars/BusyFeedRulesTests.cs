using Schedly.Core.Calendars;
using static Schedly.Core.Tests.Calendars.Corpus;

namespace Schedly.Core.Tests.Calendars;

/// <summary>One rule of "what counts as busy" per test, on small inline feeds.</summary>
public sealed class BusyFeedRulesTests
{
    private static BusyFeedResult.Parsed Run(string feed, string zone = "Europe/Berlin") =>
        Parsed(BusyFeedParser.Parse(feed, Request(zone, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")));

    [Fact]
    public void Parse_OverrideMovedOutOfWindow_OriginalOccurrenceRemoved()
    {
        var result = Run(Feed(
            "UID:s\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:FREQ=DAILY;COUNT=2",
            "UID:s\nRECURRENCE-ID:20261102T100000Z\nDTSTART:20270102T100000Z\nDTEND:20270102T110000Z"));

        Assert.Equal(Show([Span("2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z")]), Show(result.Busy));
    }

    [Fact]
    public void Parse_FreeOverrideOfBusySeries_OccurrenceGone()
    {
        var result = Run(Feed(
            "UID:s\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:FREQ=DAILY;COUNT=2",
            "UID:s\nRECURRENCE-ID:20261103T100000Z\nDTSTART:20261103T100000Z\nDTEND:20261103T110000Z\nTRANSP:TRANSPARENT"));

        Assert.Equal(Show([Span("2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z")]), Show(result.Busy));
        Assert.Equal(1, result.Report.FreeSkipped);
    }

    [Fact]
    public void Parse_BusyOverrideOfFreeSeries_OnlyTheOverrideIsBusy()
    {
        var result = Run(Feed(
            "UID:s\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:FREQ=DAILY;COUNT=3\nTRANSP:TRANSPARENT",
            "UID:s\nRECURRENCE-ID:20261103T100000Z\nDTSTART:20261103T120000Z\nDTEND:20261103T130000Z"));

        Assert.Equal(Show([Span("2026-11-03T12:00:00Z", "2026-11-03T13:00:00Z")]), Show(result.Busy));
    }

    [Fact]
    public void Parse_CancelledSeries_OverridesCancelledToo()
    {
        var result = Run(Feed(
            "UID:s\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:FREQ=DAILY;COUNT=3\nSTATUS:CANCELLED",
            "UID:s\nRECURRENCE-ID:20261103T100000Z\nDTSTART:20261103T120000Z\nDTEND:20261103T130000Z"));

        Assert.Empty(result.Busy);
        Assert.Equal(2, result.Report.CancelledSkipped);
    }

    [Fact]
    public void Parse_OverrideWithoutItsSeries_IsAnOrdinaryEvent()
    {
        var result = Run(Feed("UID:s\nRECURRENCE-ID:20261103T100000Z\nDTSTART:20261103T120000Z\nDTEND:20261103T130000Z"));

        Assert.Equal(Show([Span("2026-11-03T12:00:00Z", "2026-11-03T13:00:00Z")]), Show(result.Busy));
    }

    [Theory]
    [InlineData("TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY", true)]
    [InlineData("TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", true)]
    [InlineData("TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:OOF", true)]
    [InlineData("TRANSP:OPAQUE\nX-MICROSOFT-CDO-BUSYSTATUS:FREE", false)]
    [InlineData("TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE", false)]
    [InlineData("TRANSP:OPAQUE\nX-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE", true)]
    [InlineData("TRANSP:TRANSPARENT", false)]
    [InlineData("STATUS:TENTATIVE", true)]
    [InlineData("STATUS:CANCELLED\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY", false)]
    [InlineData("", true)]
    public void Parse_BusyStatus_BusyStatusBeatsTransparency(string properties, bool busy)
    {
        var result = Run(Feed($"UID:e\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\n{properties}"));

        Assert.Equal(busy, result.Busy.Count == 1);
    }

    [Fact]
    public void Parse_UnknownTzid_ReadInHostZoneAndReported()
    {
        var result = Run(Feed("UID:e\nDTSTART;TZID=Mars/Olympus_Mons:20261102T100000\nDTEND;TZID=Mars/Olympus_Mons:20261102T110000"));

        Assert.Equal(Show([Span("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z")]), Show(result.Busy));
        Assert.Equal(["Mars/Olympus_Mons"], result.Report.UnknownTimeZones);
        Assert.Contains(result.Report.Warnings(), w => w.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Pacific Standard Time")]
    [InlineData("/mozilla.org/20050126_1/America/Los_Angeles")]
    [InlineData("US/Pacific")]
    public void Parse_TzidSpellings_AllMeanLosAngeles(string tzid)
    {
        var result = Run(Feed($"UID:e\nDTSTART;TZID=\"{tzid}\":20261102T100000\nDTEND;TZID=\"{tzid}\":20261102T110000"));

        Assert.Equal(Show([Span("2026-11-02T18:00:00Z", "2026-11-02T19:00:00Z")]), Show(result.Busy));
        Assert.Empty(result.Report.UnknownTimeZones);
    }

    [Theory]
    [InlineData("20270328T010000", "20270328T040000", "2027-03-28T00:00:00Z", "2027-03-28T02:00:00Z")] // spring forward: 2 h
    [InlineData("20261025T010000", "20261025T040000", "2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z")] // fall back: 4 h
    [InlineData("20261025T013000", "20261025T023000", "2026-10-24T23:30:00Z", "2026-10-25T00:30:00Z")] // 02:30 twice: the first
    [InlineData("20270328T023000", "20270328T033000", "2027-03-28T01:30:00Z", "2027-03-28T01:30:00Z")] // 02:30 is 03:30: empty
    public void Parse_EventAcrossDstChange_RealElapsedTime(string start, string end, string busyStart, string busyEnd)
    {
        var result = Parsed(BusyFeedParser.Parse(
            Feed($"UID:e\nDTSTART;TZID=Europe/Berlin:{start}\nDTEND;TZID=Europe/Berlin:{end}"),
            Request("Europe/Berlin", "2026-10-01T00:00:00Z", "2027-04-30T00:00:00Z")));

        var expected = Span(busyStart, busyEnd);
        Assert.Equal(Show(expected.Duration == NodaTime.Duration.Zero ? [] : [expected]), Show(result.Busy));
        Assert.Equal(expected.Duration == NodaTime.Duration.Zero ? 1 : 0, result.Report.ZeroLengthSkipped);
    }

    [Fact]
    public void Parse_RepeatedLocalTimeAsStartAndEnd_ZeroLength()
    {
        var result = Parsed(BusyFeedParser.Parse(
            Feed("UID:e\nDTSTART;TZID=Europe/Berlin:20261025T023000\nDTEND;TZID=Europe/Berlin:20261025T023000"),
            Request("Europe/Berlin", "2026-10-01T00:00:00Z", "2027-04-30T00:00:00Z")));

        Assert.Empty(result.Busy);
        Assert.Equal(1, result.Report.ZeroLengthSkipped);
    }

    /// <summary>
    /// Endless rules start from the step just before the window instead of DTSTART; a large COUNT turns that off,
    /// so both spellings must give the same busy time.
    /// </summary>
    [Theory]
    [InlineData("20200106T090000", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH")]
    [InlineData("20200107T233000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,TU")]
    [InlineData("20190312T100000", "FREQ=MONTHLY;BYDAY=2TU")]
    [InlineData("20190315T100000", "FREQ=MONTHLY;INTERVAL=4")]
    [InlineData("20181103T020000", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU")]
    [InlineData("20210101T003000", "FREQ=DAILY;INTERVAL=11")]
    [InlineData("20240101T000000", "FREQ=HOURLY;INTERVAL=17")]
    [InlineData("20260901T000000", "FREQ=MINUTELY;INTERVAL=97")]
    public void Parse_EndlessRuleFromYearsAgo_SameAsCountingFromDtstart(string start, string rule)
    {
        var request = Request("America/New_York", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z") with
        {
            Caps = new BusyFeedCaps { MaxOccurrencesPerEvent = 100_000, MaxBusyIntervals = 100_000 },
        };
        string Series(string r) => Feed($"UID:s\nDTSTART;TZID=America/New_York:{start}\nDURATION:PT10M\nRRULE:{r}");

        var endless = Parsed(BusyFeedParser.Parse(Series(rule), request));
        var counted = Parsed(BusyFeedParser.Parse(Series(rule + ";COUNT=99999"), request));

        Assert.NotEmpty(endless.Busy);
        Assert.Equal(Show(counted.Busy), Show(endless.Busy));
    }

    [Fact]
    public void Parse_SeveralVCalendarsInOneFeed_AllRead()
    {
        var result = Run(
            Feed("UID:a\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z")
            + Feed("UID:b\nDTSTART:20261103T100000Z\nDTEND:20261103T110000Z"));

        Assert.Equal(
            Show([Span("2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z"), Span("2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z")]),
            Show(result.Busy));
    }

    [Fact]
    public void Parse_EventStraddlingWindow_ClippedToIt()
    {
        var result = Run(Feed("UID:e\nDTSTART:20261031T230000Z\nDTEND:20261101T010000Z", "UID:f\nDTSTART:20261130T230000Z\nDTEND:20261201T010000Z"));

        Assert.Equal(
            Show([Span("2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z"), Span("2026-11-30T23:00:00Z", "2026-12-01T00:00:00Z")]),
            Show(result.Busy));
    }

    [Fact]
    public void Parse_OverlappingAndTouchingEvents_Merged()
    {
        var result = Run(Feed(
            "UID:a\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z",
            "UID:b\nDTSTART:20261102T103000Z\nDTEND:20261102T120000Z",
            "UID:c\nDTSTART:20261102T120000Z\nDTEND:20261102T123000Z",
            "UID:d\nDTSTART:20261102T130000Z\nDTEND:20261102T133000Z"));

        Assert.Equal(
            Show([Span("2026-11-02T10:00:00Z", "2026-11-02T12:30:00Z"), Span("2026-11-02T13:00:00Z", "2026-11-02T13:30:00Z")]),
            Show(result.Busy));
    }

    [Fact]
    public void Parse_AllDaySeriesWithExdate_HostLocalDays()
    {
        var result = Run(Feed("UID:a\nDTSTART;VALUE=DATE:20261102\nRRULE:FREQ=WEEKLY;UNTIL=20261116\nEXDATE;VALUE=DATE:20261109"), "America/New_York");

        Assert.Equal(
            Show([Span("2026-11-02T05:00:00Z", "2026-11-03T05:00:00Z"), Span("2026-11-16T05:00:00Z", "2026-11-17T05:00:00Z")]),
            Show(result.Busy));
    }

    [Fact]
    public void Parse_ExdateInUtcForZonedSeries_Matches()
    {
        var result = Run(Feed("UID:a\nDTSTART;TZID=Europe/Berlin:20261102T100000\nDTEND;TZID=Europe/Berlin:20261102T110000\nRRULE:FREQ=DAILY;COUNT=2\nEXDATE:20261103T090000Z"));

        Assert.Equal(Show([Span("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z")]), Show(result.Busy));
    }

    [Theory]
    [InlineData("DTSTART:20261102T100000Z", 1, 0)]
    [InlineData("DTSTART:20261102T100000Z\nDTEND:20261102T100000Z", 1, 0)]
    [InlineData("DTSTART:20261102T100000Z\nDTEND:20261102T090000Z", 0, 1)]
    [InlineData("DTEND:20261102T100000Z", 0, 1)]
    public void Parse_NoLength_SkippedAndCounted(string times, int zeroLength, int invalid)
    {
        var result = Run(Feed($"UID:a\n{times}"));

        Assert.Empty(result.Busy);
        Assert.Equal(zeroLength, result.Report.ZeroLengthSkipped);
        Assert.Equal(invalid, result.Report.InvalidSkipped);
    }

    [Fact]
    public void Parse_OwnBookingOfThisHost_SkippedOtherHostsKept()
    {
        var result = Run(Feed(
            "UID:ada--abcdefghijklmnopqrst@schedly\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z",
            "UID:bob--abcdefghijklmnopqrst@schedly\nDTSTART:20261103T100000Z\nDTEND:20261103T110000Z"));

        Assert.Equal(Show([Span("2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z")]), Show(result.Busy));
        Assert.Equal(1, result.Report.OwnBookingsSkipped);
    }

    [Fact]
    public void Parse_OccurrenceCap_CutsSeriesAndReports()
    {
        var request = Request("UTC", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z") with { Caps = new BusyFeedCaps { MaxOccurrencesPerEvent = 5 } };

        var result = Parsed(BusyFeedParser.Parse(Feed("UID:a\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:FREQ=DAILY"), request));

        Assert.Equal(5, result.Busy.Count);
        Assert.Equal(1, result.Report.OccurrenceCapReached);
        Assert.True(result.Report.Incomplete);
    }

    [Fact]
    public void Parse_BusyCap_StopsAndReports()
    {
        var request = Request("UTC", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z") with { Caps = new BusyFeedCaps { MaxBusyIntervals = 3 } };
        var events = Enumerable.Range(1, 10).Select(d => $"UID:e{d}\nDTSTART:202611{d:00}T100000Z\nDTEND:202611{d:00}T110000Z").ToArray();

        var result = Parsed(BusyFeedParser.Parse(Feed(events), request));

        Assert.Equal(3, result.Busy.Count);
        Assert.True(result.Report.BusyCapReached);
        Assert.NotEmpty(result.Report.Warnings());
    }
}
