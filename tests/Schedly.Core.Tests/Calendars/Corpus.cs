using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;

namespace Schedly.Core.Tests.Calendars;

/// <summary>The .ics corpus and small helpers shared by the calendar tests.</summary>
internal static class Corpus
{
    public static readonly HostSlug Host = HostSlug.Parse("ada");

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Corpus", name));

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static Interval Span(string start, string end) => new(At(start), At(end));

    public static BusyFeedRequest Request(string zone, string windowStart, string windowEnd) =>
        new(Zone(zone), Span(windowStart, windowEnd), OwnBookingUids.ForHost(Host));

    public static BusyFeedResult.Parsed Parsed(BusyFeedResult result) =>
        result as BusyFeedResult.Parsed ?? throw new Xunit.Sdk.XunitException($"Expected a parsed feed, got {result}.");

    public static string Show(IEnumerable<Interval> intervals) =>
        string.Join("\n", intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Start:uuuu-MM-ddTHH:mm:ss'Z'}..{i.End:uuuu-MM-ddTHH:mm:ss'Z'}")));

    /// <summary>A VCALENDAR around the given VEVENT bodies (each without BEGIN/END lines).</summary>
    public static string Feed(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Schedly tests//EN\r\n"
        + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e.Trim().ReplaceLineEndings("\r\n") + "\r\nEND:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";
}
