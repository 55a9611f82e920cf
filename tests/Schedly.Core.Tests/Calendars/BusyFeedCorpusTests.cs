using NodaTime;
using Schedly.Core.Calendars;
using static Schedly.Core.Tests.Calendars.Corpus;

namespace Schedly.Core.Tests.Calendars;

/// <summary>Each provider-shaped feed in Corpus/ against the busy time a person reading it would expect.</summary>
public sealed class BusyFeedCorpusTests
{
    private const string WinterStart = "2026-10-01T00:00:00Z";
    private const string WinterEnd = "2027-04-30T00:00:00Z";

    [Fact]
    public void Parse_Google_SeriesAcrossSpringForwardWithExdateAndOverridesAllDayAndMidnight()
    {
        var result = Parsed(BusyFeedParser.Parse(Read("google.ics"), Request("Europe/Berlin", WinterStart, WinterEnd)));

        AssertBusy(result.Busy,
            ("2026-10-05T11:00:00Z", "2026-10-05T12:00:00Z"), // Monday series; 12 Oct cancelled by its override
            ("2026-10-10T20:00:00Z", "2026-10-11T00:00:00Z"), // 22:00-02:00 local, across midnight
            ("2026-10-19T11:00:00Z", "2026-10-19T12:00:00Z"),
            ("2026-11-05T15:00:00Z", "2026-11-05T16:00:00Z"), // UTC times
            ("2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z"), // another host's Schedly booking stays busy
            ("2026-12-23T23:00:00Z", "2026-12-26T23:00:00Z"), // all-day 24-26 Dec in Berlin
            ("2027-03-19T08:00:00Z", "2027-03-19T09:00:00Z"), // Friday 09:00 CET; 26 Mar excluded
            ("2027-03-27T01:30:00Z", "2027-03-27T02:30:00Z"), // 02:30 CET
            ("2027-03-28T01:30:00Z", "2027-03-28T02:30:00Z"), // 02:30 is in the gap: 03:30 CEST
            ("2027-03-29T00:30:00Z", "2027-03-29T01:30:00Z"), // 02:30 CEST
            ("2027-04-02T12:00:00Z", "2027-04-02T13:00:00Z"), // override moved 09:00 to 14:00 CEST
            ("2027-04-09T07:00:00Z", "2027-04-09T08:00:00Z")); // 09:00 CEST; UNTIL inclusive
        Assert.Equal(1, result.Report.OwnBookingsSkipped);
        Assert.Equal(1, result.Report.CancelledSkipped);
        Assert.Equal(1, result.Report.FreeSkipped);
        Assert.False(result.Report.Incomplete);
        Assert.Empty(result.Report.Warnings());
    }

    [Fact]
    public void Parse_Outlook_WindowsZonesBusyStatusAllDayAndCustomVTimeZones()
    {
        var result = Parsed(BusyFeedParser.Parse(Read("outlook.ics"), Request("Europe/Berlin", WinterStart, WinterEnd)));

        AssertBusy(result.Busy,
            ("2026-10-30T13:00:00Z", "2026-10-30T13:30:00Z"), // Eastern Standard Time 09:00 EDT
            ("2026-10-31T13:00:00Z", "2026-10-31T13:30:00Z"),
            ("2026-11-01T14:00:00Z", "2026-11-01T14:30:00Z"), // 09:00 EST after the US fall-back
            ("2026-11-02T14:00:00Z", "2026-11-02T14:30:00Z"),
            ("2026-11-15T23:00:00Z", "2026-11-16T23:00:00Z"), // all-day OOF although TRANSP:TRANSPARENT
            ("2026-11-18T13:00:00Z", "2026-11-18T14:00:00Z"), // TENTATIVE is busy
            ("2026-12-01T03:30:00Z", "2026-12-01T04:30:00Z"), // VTIMEZONE-only +05:30
            ("2027-03-23T09:00:00Z", "2027-03-23T10:00:00Z"), // W. Europe Standard Time 10:00 CET
            ("2027-03-27T08:00:00Z", "2027-03-27T09:00:00Z"), // "Customized Time Zone" from its own rules
            ("2027-03-28T07:00:00Z", "2027-03-28T08:00:00Z"),
            ("2027-03-29T07:00:00Z", "2027-03-29T08:00:00Z"),
            ("2027-03-30T08:00:00Z", "2027-03-30T09:00:00Z")); // 10:00 CEST
        Assert.Equal(1, result.Report.FreeSkipped);
        Assert.Empty(result.Report.UnknownTimeZones);
        Assert.False(result.Report.Incomplete);
    }

    [Fact]
    public void Parse_ICloud_FallBackSeriesMidnightFloatingAndAllDay()
    {
        var result = Parsed(BusyFeedParser.Parse(Read("icloud.ics"), Request("America/New_York", WinterStart, "2027-01-01T00:00:00Z")));

        AssertBusy(result.Busy,
            ("2026-10-25T05:30:00Z", "2026-10-25T06:00:00Z"), // 01:30 EDT
            ("2026-11-01T01:00:00Z", "2026-11-01T04:30:00Z"), // 21:00-00:30 EDT, across midnight
            ("2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"), // 01:30 is ambiguous: its first (EDT) occurrence
            ("2026-11-08T06:30:00Z", "2026-11-08T07:00:00Z"), // 01:30 EST
            ("2026-11-25T05:00:00Z", "2026-11-27T05:00:00Z"), // DURATION:P2D on a date
            ("2026-12-03T17:00:00Z", "2026-12-03T18:00:00Z"), // floating 12:00 in the host zone
            ("2026-12-10T05:00:00Z", "2026-12-11T05:00:00Z")); // date without DTEND: one day
        Assert.False(result.Report.Incomplete);
    }

    [Fact]
    public void Parse_Fastmail_DurationsRdateExdateAndZeroLength()
    {
        var result = Parsed(BusyFeedParser.Parse(Read("fastmail.ics"), Request("Europe/London", WinterStart, WinterEnd)));

        AssertBusy(result.Busy,
            ("2026-10-15T11:00:00Z", "2026-10-15T12:00:00Z"), // 12:00 BST
            ("2026-10-20T08:00:00Z", "2026-10-20T09:30:00Z"), // PT1H30M
            ("2026-11-15T12:00:00Z", "2026-11-15T13:00:00Z"),
            ("2026-12-16T12:00:00Z", "2026-12-16T13:00:00Z"), // RDATE; 15 Dec excluded
            ("2027-01-15T12:00:00Z", "2027-01-15T13:00:00Z"),
            ("2027-03-27T10:00:00Z", "2027-03-28T09:00:00Z")); // P1D is the same local time next day: 23 h
        Assert.Equal(1, result.Report.ZeroLengthSkipped);
    }

    [Fact]
    public void Parse_Proton_EndlessSeriesFromYearsAgoCancelledAndUtc()
    {
        var result = Parsed(BusyFeedParser.Parse(Read("proton.ics"), Request("Europe/Zurich", "2027-03-20T00:00:00Z", "2027-04-06T00:00:00Z")));

        AssertBusy(result.Busy,
            ("2027-03-22T07:00:00Z", "2027-03-22T08:00:00Z"), // 08:00 CET
            ("2027-03-24T12:00:00Z", "2027-03-24T13:00:00Z"),
            ("2027-03-29T06:00:00Z", "2027-03-29T07:00:00Z"), // 08:00 CEST
            ("2027-04-05T06:00:00Z", "2027-04-05T07:00:00Z"));
        Assert.Equal(1, result.Report.CancelledSkipped);
    }

    [Theory]
    [InlineData("google.ics", "Europe/Berlin")]
    [InlineData("outlook.ics", "Europe/Berlin")]
    [InlineData("icloud.ics", "America/New_York")]
    [InlineData("fastmail.ics", "Europe/London")]
    [InlineData("proton.ics", "Europe/Zurich")]
    public void Parse_CrlfLineEndings_SameBusyTime(string file, string zone)
    {
        var request = Request(zone, WinterStart, WinterEnd);
        var lf = Parsed(BusyFeedParser.Parse(Read(file), request));
        var crlf = Parsed(BusyFeedParser.Parse(Read(file).ReplaceLineEndings("\r\n"), request));

        Assert.Equal(lf.Busy, crlf.Busy);
        Assert.NotEmpty(lf.Busy);
    }

    [Theory]
    [InlineData("google.ics", "Europe/Berlin")]
    [InlineData("outlook.ics", "Europe/Berlin")]
    [InlineData("icloud.ics", "America/New_York")]
    public void Parse_NarrowWindow_IsTheWideResultClipped(string file, string zone)
    {
        var wide = Parsed(BusyFeedParser.Parse(Read(file), Request(zone, WinterStart, WinterEnd))).Busy;
        var window = Span("2026-11-01T03:00:00Z", "2027-03-28T02:00:00Z");
        var narrow = Parsed(BusyFeedParser.Parse(Read(file), Request(zone, "2026-11-01T03:00:00Z", "2027-03-28T02:00:00Z"))).Busy;

        var clipped = wide
            .Where(i => i.End > window.Start && i.Start < window.End)
            .Select(i => new Interval(Instant.Max(i.Start, window.Start), Instant.Min(i.End, window.End)));
        Assert.Equal(Show(clipped), Show(narrow));
    }

    private static void AssertBusy(IReadOnlyList<Interval> actual, params (string Start, string End)[] expected) =>
        Assert.Equal(Show(expected.Select(e => Span(e.Start, e.End))), Show(actual));
}
