using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using NodaTime.TimeZones;

namespace Schedly.Core.Calendars;

/// <summary>
/// A zone defined only by a feed's own VTIMEZONE (a TZID that is neither IANA nor Windows, e.g. Outlook's
/// "(UTC+01:00) Amsterdam, Berlin..." or a custom name). Each STANDARD/DAYLIGHT observance's onsets are expanded by
/// Ical.Net's recurrence evaluation (DTSTART + RRULE + RDATE) from two years before to two years after the window,
/// plus the last onset before that; an onset's local time is read with its TZOFFSETFROM. Outside that span the zone
/// keeps the nearest known offset. The zone is only built for the feed being parsed; it is never shared.
/// </summary>
internal sealed class VTimeZoneZone : DateTimeZone
{
    private const int MaxOnsetsPerObservance = 2_000;
    private static readonly EvaluationOptions _evaluation = new() { MaxUnmatchedIncrementsLimit = 1_000 };

    private readonly Transition[] _transitions;
    private readonly Offset _initial;

    private VTimeZoneZone(string id, Transition[] transitions, Offset initial, Offset min, Offset max)
        : base(id, transitions.Length == 0, min, max)
    {
        _transitions = transitions;
        _initial = initial;
    }

    /// <summary>The zone, or null when the VTIMEZONE has no observance with offsets (or one that cannot be evaluated).</summary>
    public static VTimeZoneZone? TryCreate(VTimeZone definition, Interval window)
    {
        var from = window.Start.InUtc().LocalDateTime.PlusYears(-2);
        var to = window.End.InUtc().LocalDateTime.PlusYears(2);
        var transitions = new List<Transition>();
        try
        {
            foreach (var observance in definition.TimeZoneInfos)
            {
                if (observance.OffsetFrom is null || observance.OffsetTo is null || observance.DtStart is null)
                {
                    continue;
                }

                var offsetFrom = Offset.FromTimeSpan(observance.OffsetFrom.Offset);
                var offsetTo = Offset.FromTimeSpan(observance.OffsetTo.Offset);
                var name = observance.TimeZoneName ?? observance.Name ?? definition.TzId ?? "VTIMEZONE";
                var daylight = string.Equals(observance.Name, "DAYLIGHT", StringComparison.OrdinalIgnoreCase);
                var onsets = Onsets(observance.DtStart, observance.RecurrenceRule, observance.RecurrenceDates.GetAllDates(), offsetFrom, from, to);
                transitions.AddRange(onsets.Select(at => new Transition(at, offsetTo, name, daylight ? offsetTo - offsetFrom : Offset.Zero)));
            }
        }
        catch (Exception ex) when (ex is EvaluationException or ArgumentException or InvalidOperationException or OverflowException)
        {
            return null;
        }

        if (transitions.Count == 0)
        {
            return null;
        }

        var sorted = transitions
            .GroupBy(t => t.At)
            .Select(g => g.First())
            .OrderBy(t => t.At)
            .ToArray();
        var first = sorted[0];
        var initial = definition.TimeZoneInfos
            .Where(o => o.OffsetFrom is not null && o.DtStart is not null)
            .Select(o => Offset.FromTimeSpan(o.OffsetFrom!.Offset))
            .DefaultIfEmpty(first.Offset)
            .First();
        var offsets = sorted.Select(t => t.Offset).Append(initial).ToArray();
        return new VTimeZoneZone(definition.TzId ?? "VTIMEZONE", sorted, initial, offsets.Min(), offsets.Max());
    }

    public override ZoneInterval GetZoneInterval(Instant instant)
    {
        var lo = 0;
        var hi = _transitions.Length - 1;
        var index = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_transitions[mid].At <= instant)
            {
                index = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        Instant? end = index + 1 < _transitions.Length ? _transitions[index + 1].At : null;
        if (index < 0)
        {
            return new ZoneInterval(Id, null, end, _initial, Offset.Zero);
        }

        var current = _transitions[index];
        return new ZoneInterval(current.Name, current.At, end, current.Offset, current.Savings);
    }

    /// <summary>Onset instants within [from, to], plus the last one before from.</summary>
    private static List<Instant> Onsets(
        CalDateTime start, RecurrenceRule? rule, IEnumerable<CalDateTime> dates, Offset offsetFrom, LocalDateTime from, LocalDateTime to)
    {
        var seed = new CalDateTime(start.Value.Year, start.Value.Month, start.Value.Day, start.Value.Hour, start.Value.Minute, start.Value.Second, null);
        var locals = new List<LocalDateTime> { FeedTimeZones.LocalOf(seed) };
        if (rule is not null)
        {
            var floating = FloatingRule(rule, offsetFrom);
            var count = 0;
            foreach (var period in new RecurrencePatternEvaluator(floating).Evaluate(seed, seed, _evaluation))
            {
                var local = FeedTimeZones.LocalOf(period.StartTime);
                if (local > to || ++count > MaxOnsetsPerObservance)
                {
                    break;
                }

                locals.Add(local);
            }
        }

        locals.AddRange(dates.Select(FeedTimeZones.LocalOf));
        var before = locals.Where(l => l < from).DefaultIfEmpty().Max();
        return locals
            .Where(l => (l >= from && l <= to) || (l == before && l < from))
            .Distinct()
            .Select(l => l.WithOffset(offsetFrom).ToInstant())
            .ToList();
    }

    /// <summary>A copy of the rule whose UTC UNTIL is read in the observance's local time (the seed is floating).</summary>
    private static RecurrenceRule FloatingRule(RecurrenceRule rule, Offset offsetFrom)
    {
        var copy = new RecurrenceRule();
        copy.CopyFrom(rule);
        if (rule.Until is { IsUtc: true } until)
        {
            var local = LocalDateTime.FromDateTime(until.Value).PlusSeconds(offsetFrom.Seconds);
            copy.Until = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, null);
        }

        return copy;
    }

    private readonly record struct Transition(Instant At, Offset Offset, string Name, Offset Savings);
}
