using NodaTime;

namespace Schedly.Core.Calendars;

/// <summary>The outcome of parsing one feed: busy time, or why the text is not a calendar at all.</summary>
public abstract record BusyFeedResult
{
    private BusyFeedResult()
    {
    }

    /// <summary>
    /// The feed's busy time inside the window: sorted by start, overlapping and touching intervals merged (so the
    /// intervals are disjoint and never adjacent), each clipped to the window and never empty.
    /// <paramref name="Report"/> counts what was skipped and which caps were reached.
    /// </summary>
    public sealed record Parsed(IReadOnlyList<Interval> Busy, BusyFeedReport Report) : BusyFeedResult;

    /// <summary>Nothing usable: <paramref name="Detail"/> is a sentence for the host (it never echoes the URL).</summary>
    public sealed record Failed(BusyFeedFailure Reason, string Detail) : BusyFeedResult;
}

public enum BusyFeedFailure
{
    /// <summary>The body was empty or only whitespace.</summary>
    Empty,

    /// <summary>The body does not start with BEGIN:VCALENDAR (an HTML login page, a JSON error...).</summary>
    NotICalendar,

    /// <summary>It starts like a calendar but cannot be parsed (truncated, broken lines).</summary>
    Malformed,
}

/// <summary>What one parse read, skipped and cut. Counts are of VEVENT components unless named otherwise.</summary>
public sealed record BusyFeedReport
{
    /// <summary>VEVENTs read (after the <see cref="BusyFeedCaps.MaxEvents"/> cut).</summary>
    public int EventsRead { get; init; }

    /// <summary>Schedly's own bookings, recognised by UID.</summary>
    public int OwnBookingsSkipped { get; init; }

    /// <summary>STATUS:CANCELLED (a whole series, or one occurrence through its override).</summary>
    public int CancelledSkipped { get; init; }

    /// <summary>TRANSP:TRANSPARENT or X-MICROSOFT-CDO-BUSYSTATUS:FREE.</summary>
    public int FreeSkipped { get; init; }

    /// <summary>No DTSTART, a DTEND before DTSTART, or a recurrence rule that cannot be evaluated.</summary>
    public int InvalidSkipped { get; init; }

    /// <summary>Zero length (a DTSTART date-time with neither DTEND nor DURATION, or DTEND equal to DTSTART).</summary>
    public int ZeroLengthSkipped { get; init; }

    /// <summary>The feed held more VEVENTs than <see cref="BusyFeedCaps.MaxEvents"/>; the rest were not read.</summary>
    public bool EventCapReached { get; init; }

    /// <summary>Recurring events cut at <see cref="BusyFeedCaps.MaxOccurrencesPerEvent"/> occurrences.</summary>
    public int OccurrenceCapReached { get; init; }

    /// <summary>More busy intervals than <see cref="BusyFeedCaps.MaxBusyIntervals"/>; the rest were dropped.</summary>
    public bool BusyCapReached { get; init; }

    /// <summary>TZIDs that are neither IANA, Windows, nor a usable VTIMEZONE: their times were read in the host zone.</summary>
    public IReadOnlyList<string> UnknownTimeZones { get; init; } = [];

    /// <summary>True when busy time may be missing: a cap was reached or an event could not be read.</summary>
    public bool Incomplete => EventCapReached || BusyCapReached || OccurrenceCapReached > 0 || InvalidSkipped > 0;

    /// <summary>One sentence per problem, for the host's feed status (no event text, no URL).</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (EventCapReached)
        {
            warnings.Add($"The feed has more events than the limit; only the first {EventsRead} were read.");
        }

        if (BusyCapReached)
        {
            warnings.Add("The feed has more busy times than the limit; the rest were ignored.");
        }

        if (OccurrenceCapReached > 0)
        {
            warnings.Add($"{OccurrenceCapReached} recurring event(s) repeat more often than the limit; later repeats were ignored.");
        }

        if (InvalidSkipped > 0)
        {
            warnings.Add($"{InvalidSkipped} event(s) could not be read and were ignored.");
        }

        if (UnknownTimeZones.Count > 0)
        {
            warnings.Add($"Unknown time zone(s) {string.Join(", ", UnknownTimeZones)}: read in the host's time zone.");
        }

        return warnings;
    }
}
