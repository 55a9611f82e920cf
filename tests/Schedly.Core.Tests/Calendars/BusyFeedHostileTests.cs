using System.Diagnostics;
using System.Text;
using Schedly.Core.Calendars;
using static Schedly.Core.Tests.Calendars.Corpus;

namespace Schedly.Core.Tests.Calendars;

/// <summary>Feeds written to hurt: every one gives a clear result, no exception, no hang.</summary>
public sealed class BusyFeedHostileTests
{
    /// <summary>Generous: the point is "finishes", not a benchmark on a shared machine.</summary>
    private static readonly TimeSpan _budget = TimeSpan.FromSeconds(20);

    private static BusyFeedRequest Window60Days => Request("Europe/Berlin", "2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z");

    [Theory]
    [InlineData("", BusyFeedFailure.Empty)]
    [InlineData("   \r\n\t", BusyFeedFailure.Empty)]
    [InlineData("<!DOCTYPE html><html><body>Sign in</body></html>", BusyFeedFailure.NotICalendar)]
    [InlineData("{\"error\":\"not found\"}", BusyFeedFailure.NotICalendar)]
    [InlineData("hello world", BusyFeedFailure.NotICalendar)]
    [InlineData("BEGIN:VCALENDAR\r\nhello world\r\nEND:VCALENDAR\r\n", BusyFeedFailure.Malformed)]
    [InlineData("BEGIN:VCALENDAR\r\n\u0000\u0001\u00ff garbage", BusyFeedFailure.Malformed)]
    public void Parse_NotACalendar_FailedWithReason(string text, BusyFeedFailure reason)
    {
        var result = BusyFeedParser.Parse(text, Window60Days);

        var failed = Assert.IsType<BusyFeedResult.Failed>(result);
        Assert.Equal(reason, failed.Reason);
        Assert.False(string.IsNullOrWhiteSpace(failed.Detail));
    }

    [Fact]
    public void Parse_TruncatedFile_Malformed()
    {
        var text = Read("google.ics");

        var result = BusyFeedParser.Parse(text[..(text.Length / 2)], Window60Days);

        Assert.Equal(BusyFeedFailure.Malformed, Assert.IsType<BusyFeedResult.Failed>(result).Reason);
    }

    [Theory]
    [InlineData("google.ics")]
    [InlineData("outlook.ics")]
    [InlineData("icloud.ics")]
    public void Parse_EveryPrefixOfAFeed_NeverThrows(string file)
    {
        var text = Read(file);
        for (var length = 0; length <= text.Length; length += 37)
        {
            var result = BusyFeedParser.Parse(text[..length], Window60Days);
            Assert.True(result is BusyFeedResult.Parsed or BusyFeedResult.Failed);
        }
    }

    [Theory]
    [InlineData("FREQ=DAILY", "19000101T090000Z")]
    [InlineData("FREQ=HOURLY", "19700101T000000Z")]
    [InlineData("FREQ=MINUTELY", "20000101T000000Z")]
    [InlineData("FREQ=SECONDLY", "20200101T000000Z")]
    [InlineData("FREQ=SECONDLY;INTERVAL=7", "00010101T000000Z")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR", "19000101T090000Z")]
    [InlineData("FREQ=YEARLY;BYMONTH=11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0,6,12,18", "19000101T000000Z")]
    public void Parse_EndlessRuleFromLongAgo_CappedQuickly(string rule, string start)
    {
        var request = Window60Days with { Caps = new BusyFeedCaps { MaxOccurrencesPerEvent = 500 } };
        var feed = Feed($"UID:a\nDTSTART:{start}\nDURATION:PT1S\nRRULE:{rule}");

        var (result, elapsed) = Timed(() => BusyFeedParser.Parse(feed, request));

        var parsed = Parsed(result);
        Assert.NotEmpty(parsed.Busy);
        Assert.True(parsed.Busy.All(i => i.Start >= request.Window.Start && i.End <= request.Window.End));
        Assert.True(elapsed < _budget, $"took {elapsed}");
    }

    [Fact]
    public void Parse_SecondlyWithHugeCount_CountCutAndReported()
    {
        var feed = Feed("UID:a\nDTSTART:20200101T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;COUNT=2000000000");

        var (result, elapsed) = Timed(() => BusyFeedParser.Parse(feed, Window60Days));

        var parsed = Parsed(result);
        Assert.Empty(parsed.Busy);
        Assert.Equal(1, parsed.Report.OccurrenceCapReached);
        Assert.True(elapsed < _budget, $"took {elapsed}");
    }

    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10;BYHOUR=1,2,3,4,5,6,7,8,9,10;BYMINUTE=1,2,3,4,5,6,7,8,9,10")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("FREQ=DAILY;INTERVAL=2000000000")]
    public void Parse_RuleThatExplodesOrNeverMatches_EventSkippedAsInvalid(string rule)
    {
        var feed = Feed($"UID:a\nDTSTART:20261102T100000Z\nDTEND:20261102T110000Z\nRRULE:{rule}", "UID:b\nDTSTART:20261103T100000Z\nDTEND:20261103T110000Z");

        var (result, elapsed) = Timed(() => BusyFeedParser.Parse(feed, Window60Days));

        var parsed = Parsed(result);
        Assert.Contains(Span("2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z"), parsed.Busy);
        Assert.Equal(1, parsed.Report.InvalidSkipped);
        Assert.True(parsed.Report.Incomplete);
        Assert.True(elapsed < _budget, $"took {elapsed}");
    }

    [Fact]
    public void Parse_HundredThousandEvents_EventCapReportedAndOnlyThoseRead()
    {
        var builder = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n");
        var start = At("2026-11-01T00:00:00Z");
        for (var i = 0; i < 100_000; i++)
        {
            var at = start + NodaTime.Duration.FromMinutes(i);
            builder.Append("BEGIN:VEVENT\r\nUID:e").Append(i).Append("\r\nDTSTART:").Append(at.ToString("uuuuMMdd'T'HHmmss'Z'", null))
                .Append("\r\nDURATION:PT30S\r\nEND:VEVENT\r\n");
        }

        builder.Append("END:VCALENDAR\r\n");
        var request = Window60Days with { Caps = new BusyFeedCaps { MaxEvents = 1_000 } };

        var (result, elapsed) = Timed(() => BusyFeedParser.Parse(builder.ToString(), request));

        var parsed = Parsed(result);
        Assert.True(parsed.Report.EventCapReached);
        Assert.Equal(1_000, parsed.Report.EventsRead);
        Assert.Equal(1_000, parsed.Busy.Count);
        Assert.Contains(parsed.Report.Warnings(), w => w.Contains("1000", StringComparison.Ordinal));
        Assert.True(elapsed < _budget, $"took {elapsed}");
    }

    [Fact]
    public void Parse_InvalidTzidAndBrokenVTimeZone_ReadInHostZone()
    {
        var feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
            + "BEGIN:VTIMEZONE\r\nTZID:Broken\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Broken:20261102T100000\r\nDTEND;TZID=Broken:20261102T110000\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Nowhere:20261103T100000\r\nDTEND;TZID=Nowhere:20261103T110000\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        var parsed = Parsed(BusyFeedParser.Parse(feed, Window60Days));

        Assert.Equal(
            Show([Span("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"), Span("2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z")]),
            Show(parsed.Busy));
        Assert.Equal(["Broken", "Nowhere"], parsed.Report.UnknownTimeZones);
    }

    [Fact]
    public void Parse_ControlCharacterInParameter_Malformed()
    {
        var feed = Feed("UID:a\nDTSTART;TZID=\"\u0007Nowhere\":20261103T100000\nDTEND:20261103T110000Z");

        Assert.Equal(BusyFeedFailure.Malformed, Assert.IsType<BusyFeedResult.Failed>(BusyFeedParser.Parse(feed, Window60Days)).Reason);
    }

    [Fact]
    public void Parse_HostileVTimeZoneRule_BoundedAndUsable()
    {
        var feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
            + "BEGIN:VTIMEZONE\r\nTZID:Busy zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nRRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Busy zone:20261102T100000\r\nDTEND;TZID=Busy zone:20261102T110000\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        var (result, elapsed) = Timed(() => BusyFeedParser.Parse(feed, Window60Days));

        Assert.Equal(Show([Span("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z")]), Show(Parsed(result).Busy));
        Assert.True(elapsed < _budget, $"took {elapsed}");
    }

    [Fact]
    public void Parse_RandomlyMutatedCorpus_NeverThrows()
    {
        string[] files = ["google.ics", "outlook.ics", "icloud.ics", "fastmail.ics", "proton.ics"];
        string[] tokens =
        [
            "", ":", ";", "=", "\"", "T", "Z", "-", "0", "99", "BEGIN:VEVENT", "END:VEVENT", "RRULE:", "FREQ=SECONDLY", "TZID=",
            "VALUE=DATE", "\r\n", " ", "PT-1H", "BYDAY=", "COUNT=-1", "INTERVAL=0", "UNTIL=", "99991231T235959Z", "00000000",
        ];
        var random = new Random(17);
        var request = Request("Europe/Berlin", "2026-10-01T00:00:00Z", "2027-04-30T00:00:00Z");
        for (var run = 0; run < 400; run++)
        {
            var text = Read(files[random.Next(files.Length)]);
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(text.Length);
                var cut = Math.Min(random.Next(0, 8), text.Length - at);
                text = string.Concat(text.AsSpan(0, at), tokens[random.Next(tokens.Length)], text.AsSpan(at + cut));
            }

            var result = BusyFeedParser.Parse(text, request);
            Assert.True(result is BusyFeedResult.Parsed or BusyFeedResult.Failed);
        }
    }

    private static (BusyFeedResult Result, TimeSpan Elapsed) Timed(Func<BusyFeedResult> parse)
    {
        var watch = Stopwatch.StartNew();
        var result = parse();
        return (result, watch.Elapsed);
    }
}
