using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.Evaluation;
using NodaTime;

namespace Schedly.Core.Calendars;

/// <summary>
/// Reads a fetched iCalendar feed (RFC 5545) into the host's busy time inside a window. Pure: no I/O, no clock.
/// <para><b>What counts as busy</b> (docs/CALENDARS.md says the same for hosts):</para>
/// <list type="bullet">
/// <item>Every VEVENT is busy unless: its STATUS is CANCELLED; or its X-MICROSOFT-CDO-BUSYSTATUS (Outlook) is FREE;
/// or it has no known busy status and TRANSP is TRANSPARENT. X-MICROSOFT-CDO-BUSYSTATUS BUSY, TENTATIVE and OOF are
/// busy even when TRANSP says TRANSPARENT (the busy status wins when present); other values (WORKINGELSEWHERE) leave
/// the decision to TRANSP. STATUS TENTATIVE is busy. VTODO, VJOURNAL and VFREEBUSY are ignored.</item>
/// <item>Schedly's own bookings (UIDs matched by <see cref="BusyFeedRequest.IsOwnBooking"/>) are skipped.</item>
/// <item>Recurrence: RRULE (one per event) and RDATE add occurrences, DTSTART is always one; EXDATE removes one. A
/// VEVENT with the same UID and a RECURRENCE-ID replaces the occurrence that started at that time: its own times
/// and status count instead (cancelled or free: the occurrence is simply gone); the original occurrence is removed
/// even when the override moves outside the window. RANGE=THISANDFUTURE is read as this instance only. A cancelled
/// series cancels its overrides. An override without its series is an ordinary event. EXRULE is ignored.</item>
/// <item>Times: UTC, a TZID (IANA, Windows, or the feed's own VTIMEZONE: see <see cref="FeedTimeZones"/>), or
/// floating (host zone). All-day dates are whole host-local days. Lengths are described on <see cref="EventShape"/>;
/// zero-length events are not busy. A local time in a DST gap is shifted forward by the gap and an ambiguous one is
/// its first occurrence (RFC 5545 §3.3.5; <see cref="FeedTimeZones.Resolver"/>).</item>
/// <item>Bounds: occurrences are expanded only over the window (<see cref="RecurrenceExpander"/>), at most
/// <see cref="BusyFeedCaps.MaxOccurrencesPerEvent"/> per series; at most <see cref="BusyFeedCaps.MaxEvents"/> VEVENTs
/// are read and <see cref="BusyFeedCaps.MaxBusyIntervals"/> intervals kept. Every cap reached is in the report.</item>
/// </list>
/// The result's intervals are clipped to the window, sorted, and merged where they overlap or touch.
/// Cost: linear in the text up to the event cap, plus the bounded expansion per series.
/// </summary>
public static class BusyFeedParser
{
    /// <summary>Outlook's busy status, as published in its ICS feeds and invitations.</summary>
    public const string BusyStatusProperty = "X-MICROSOFT-CDO-BUSYSTATUS";

    private const string EventStart = "BEGIN:VEVENT";

    public static BusyFeedResult Parse(string feedText, BusyFeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (string.IsNullOrWhiteSpace(feedText))
        {
            return new BusyFeedResult.Failed(BusyFeedFailure.Empty, "The calendar address returned an empty document.");
        }

        var text = feedText.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return new BusyFeedResult.Failed(
                BusyFeedFailure.NotICalendar,
                "The calendar address did not return an iCalendar feed (it does not start with BEGIN:VCALENDAR); check that it is the secret iCal/ICS address.");
        }

        var (readable, eventCapReached) = CutAtEventCap(text, request.Caps.MaxEvents);
        CalendarCollection calendars;
        try
        {
            // A collection: some servers concatenate several VCALENDARs in one feed.
            calendars = CalendarCollection.Load(readable);
        }
        catch (Exception ex) when (ex is SerializationException or FormatException or ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            return new BusyFeedResult.Failed(BusyFeedFailure.Malformed, $"The feed is not valid iCalendar: {Sanitised(ex.Message)}");
        }

        if (calendars.Count == 0)
        {
            return new BusyFeedResult.Failed(BusyFeedFailure.Malformed, "The feed is not valid iCalendar: no VCALENDAR could be read.");
        }

        return new Expansion(calendars, request).Run(eventCapReached);
    }

    /// <summary>Reads a busy status: null when the event is busy, else the reason it is not.</summary>
    internal static NotBusy? Classify(CalendarEvent calendarEvent)
    {
        if (string.Equals(calendarEvent.Status?.Trim(), EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase))
        {
            return NotBusy.Cancelled;
        }

        var busyStatus = calendarEvent.Properties
            .FirstOrDefault(p => string.Equals(p.Name, BusyStatusProperty, StringComparison.OrdinalIgnoreCase))?.Value?.ToString()?.Trim();
        if (busyStatus is not null)
        {
            if (string.Equals(busyStatus, "FREE", StringComparison.OrdinalIgnoreCase))
            {
                return NotBusy.Free;
            }

            if (busyStatus.ToUpperInvariant() is "BUSY" or "TENTATIVE" or "OOF")
            {
                return null;
            }
        }

        return string.Equals(calendarEvent.Transparency?.Trim(), "TRANSPARENT", StringComparison.OrdinalIgnoreCase) ? NotBusy.Free : null;
    }

    /// <summary>The text up to the VEVENT after the cap, closed so it still parses; and whether it was cut.</summary>
    private static (string Text, bool Cut) CutAtEventCap(string text, int maxEvents)
    {
        var seen = 0;
        var at = 0;
        while ((at = text.IndexOf(EventStart, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var lineStart = at == 0 || text[at - 1] == '\n';
            if (lineStart && ++seen > maxEvents)
            {
                return (string.Concat(text.AsSpan(0, at), "END:VCALENDAR\r\n"), true);
            }

            at += EventStart.Length;
        }

        return (text, false);
    }

    private static string Sanitised(string message)
    {
        var clean = new string(message.Where(c => !char.IsControl(c)).Take(200).ToArray());
        return clean.Length == 0 ? "unreadable content" : clean;
    }

    internal enum NotBusy
    {
        Cancelled,
        Free,
    }

    /// <summary>One parse's mutable state; never escapes <see cref="Parse"/>.</summary>
    private sealed class Expansion(CalendarCollection calendars, BusyFeedRequest request)
    {
        private readonly FeedTimeZones _zones = new(calendars.SelectMany(c => c.TimeZones), request.HostZone, request.Window);
        private readonly List<Interval> _busy = [];
        private int _own;
        private int _cancelled;
        private int _free;
        private int _invalid;
        private int _zeroLength;
        private int _occurrenceCapped;
        private bool _busyCapReached;

        public BusyFeedResult Run(bool eventCapReached)
        {
            var events = calendars.SelectMany(c => c.Events).ToList();
            foreach (var group in events.GroupBy(e => string.IsNullOrEmpty(e.Uid) ? null : e.Uid, StringComparer.Ordinal))
            {
                if (_busyCapReached)
                {
                    break;
                }

                if (group.Key is { } uid && request.IsOwnBooking(uid))
                {
                    _own += group.Count();
                    continue;
                }

                if (group.Key is null)
                {
                    foreach (var single in group)
                    {
                        Add(single, recurring: false, []);
                    }

                    continue;
                }

                AddSeries([.. group.Where(e => e.RecurrenceIdentifier is null)], [.. group.Where(e => e.RecurrenceIdentifier is not null)]);
            }

            var report = new BusyFeedReport
            {
                EventsRead = events.Count,
                OwnBookingsSkipped = _own,
                CancelledSkipped = _cancelled,
                FreeSkipped = _free,
                InvalidSkipped = _invalid,
                ZeroLengthSkipped = _zeroLength,
                EventCapReached = eventCapReached,
                OccurrenceCapReached = _occurrenceCapped,
                BusyCapReached = _busyCapReached,
                UnknownTimeZones = _zones.Unknown,
            };
            return new BusyFeedResult.Parsed(Merged(_busy), report);
        }

        private void AddSeries(IReadOnlyList<CalendarEvent> masters, IReadOnlyList<CalendarEvent> overrides)
        {
            var seriesCancelled = false;
            foreach (var master in masters)
            {
                seriesCancelled |= Classify(master) == NotBusy.Cancelled;
                Add(master, recurring: true, overrides);
            }

            foreach (var single in overrides)
            {
                if (seriesCancelled)
                {
                    _cancelled++;
                    continue;
                }

                Add(single, recurring: false, []);
            }
        }

        private void Add(CalendarEvent calendarEvent, bool recurring, IReadOnlyList<CalendarEvent> overrides)
        {
            switch (Classify(calendarEvent))
            {
                case NotBusy.Cancelled:
                    _cancelled++;
                    return;
                case NotBusy.Free:
                    _free++;
                    return;
            }

            try
            {
                var (shape, problem) = EventShape.Of(calendarEvent, _zones);
                if (shape is null)
                {
                    if (problem == ShapeProblem.ZeroLength)
                    {
                        _zeroLength++;
                    }
                    else
                    {
                        _invalid++;
                    }

                    return;
                }

                if (!recurring || (calendarEvent.RecurrenceRule is null && !calendarEvent.RecurrenceDates.GetAllDates().Any()))
                {
                    Keep(shape.At(shape.Start));
                    return;
                }

                var (starts, capped) = RecurrenceExpander.Starts(calendarEvent, shape, _zones, request.Window, request.Caps.MaxOccurrencesPerEvent);
                if (starts is null)
                {
                    _invalid++;
                    return;
                }

                if (capped)
                {
                    _occurrenceCapped++;
                }

                // EXDATEs and overrides name an occurrence by its start: compared as instants (so a UTC EXDATE
                // matches a zoned series, and a start in a DST gap matches however it is spelled), or by host-local
                // date for all-day series and date-only values.
                var removed = calendarEvent.ExceptionDates.GetAllDates()
                    .Concat(overrides.Select(o => o.RecurrenceIdentifier!.StartTime))
                    .ToList();
                var removedDates = removed.Where(v => shape.AllDay || !v.HasTime).Select(FeedTimeZones.DateOf).ToHashSet();
                var removedStarts = removed.Where(v => !shape.AllDay && v.HasTime).Select(_zones.StartInstant).ToHashSet();
                foreach (var start in starts)
                {
                    var occurrence = shape.At(start);
                    if (!removedDates.Contains(start.Date) && !removedStarts.Contains(occurrence.Start))
                    {
                        Keep(occurrence);
                    }
                }
            }
            catch (Exception ex) when (ex is EvaluationException or ArgumentException or InvalidOperationException or OverflowException)
            {
                _invalid++;
            }
        }

        private void Keep(Interval occurrence)
        {
            var window = request.Window;
            var start = Instant.Max(occurrence.Start, window.Start);
            var end = Instant.Min(occurrence.End, window.End);
            if (end <= start)
            {
                return;
            }

            if (_busy.Count >= request.Caps.MaxBusyIntervals)
            {
                _busyCapReached = true;
                return;
            }

            _busy.Add(new Interval(start, end));
        }

        private static List<Interval> Merged(List<Interval> intervals)
        {
            var merged = new List<Interval>(intervals.Count);
            foreach (var next in intervals.OrderBy(i => i.Start).ThenBy(i => i.End))
            {
                if (merged.Count > 0 && next.Start <= merged[^1].End)
                {
                    var last = merged[^1];
                    merged[^1] = new Interval(last.Start, Instant.Max(last.End, next.End));
                }
                else
                {
                    merged.Add(next);
                }
            }

            return merged;
        }
    }
}
