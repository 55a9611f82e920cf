using Ical.Net.CalendarComponents;
using NodaTime;

namespace Schedly.Core.Calendars;

/// <summary>
/// When one event (or each occurrence of a series) starts and how long it lasts.
/// <list type="bullet">
/// <item>All-day (DTSTART;VALUE=DATE): busy from the start of the host-local date to the start of the host-local
/// end date (DTEND exclusive; else DURATION's days and weeks; else one day), in the host zone.</item>
/// <item>Date-time: read in its TZID's zone (floating: host zone). With DTEND, every occurrence lasts the exact
/// elapsed time between DTSTART and DTEND (RFC 5545 §3.8.5.3); with DURATION, its weeks and days are nominal
/// (same local time N days later) and its hours, minutes and seconds exact. Neither: zero length.</item>
/// </list>
/// </summary>
internal sealed record EventShape(bool AllDay, DateTimeZone Zone, LocalDateTime Start, int NominalDays, Duration Exact)
{
    /// <summary>The shape, or an outcome saying why the event has none.</summary>
    public static (EventShape? Shape, ShapeProblem Problem) Of(CalendarEvent calendarEvent, FeedTimeZones zones)
    {
        var dtStart = calendarEvent.DtStart;
        if (dtStart is null)
        {
            return (null, ShapeProblem.Invalid);
        }

        var duration = calendarEvent.Duration;
        var dtEnd = calendarEvent.DtEnd;
        if (!dtStart.HasTime)
        {
            var date = FeedTimeZones.DateOf(dtStart);
            var days = dtEnd is not null
                ? Period.Between(date, FeedTimeZones.DateOf(dtEnd), PeriodUnits.Days).Days
                : duration is { } d ? checked(((d.Weeks ?? 0) * 7) + (d.Days ?? 0)) * d.Sign : 1;
            return days switch
            {
                < 0 => (null, ShapeProblem.Invalid),
                0 => (null, ShapeProblem.ZeroLength),
                _ => (new EventShape(true, zones.HostZone, date.AtMidnight(), days, Duration.Zero), ShapeProblem.None),
            };
        }

        var zone = zones.ZoneOf(dtStart);
        var start = FeedTimeZones.LocalOf(dtStart);
        if (dtEnd is not null)
        {
            var startInstant = zone.ResolveLocal(start, FeedTimeZones.Resolver).ToInstant();
            var endInstant = dtEnd.HasTime
                ? zones.ZoneOf(dtEnd).ResolveLocal(FeedTimeZones.LocalOf(dtEnd), FeedTimeZones.Resolver).ToInstant()
                : zone.ResolveLocal(FeedTimeZones.DateOf(dtEnd).AtMidnight(), FeedTimeZones.Resolver).ToInstant();
            var exact = endInstant - startInstant;
            return exact < Duration.Zero ? (null, ShapeProblem.Invalid)
                : exact == Duration.Zero ? (null, ShapeProblem.ZeroLength)
                : (new EventShape(false, zone, start, 0, exact), ShapeProblem.None);
        }

        if (duration is { } length)
        {
            if (length.Sign < 0)
            {
                return (null, ShapeProblem.Invalid);
            }

            var nominal = checked(((length.Weeks ?? 0) * 7) + (length.Days ?? 0));
            var exact = Duration.FromHours(length.Hours ?? 0) + Duration.FromMinutes(length.Minutes ?? 0) + Duration.FromSeconds(length.Seconds ?? 0);
            return nominal == 0 && exact == Duration.Zero
                ? (null, ShapeProblem.ZeroLength)
                : (new EventShape(false, zone, start, nominal, exact), ShapeProblem.None);
        }

        return (null, ShapeProblem.ZeroLength);
    }

    /// <summary>The busy interval of the occurrence starting at local <paramref name="start"/> (in <see cref="Zone"/>).</summary>
    public Interval At(LocalDateTime start)
    {
        if (AllDay)
        {
            return new Interval(
                start.Date.AtStartOfDayInZone(Zone).ToInstant(),
                start.Date.PlusDays(NominalDays).AtStartOfDayInZone(Zone).ToInstant());
        }

        var from = Zone.ResolveLocal(start, FeedTimeZones.Resolver).ToInstant();
        var to = NominalDays == 0
            ? from + Exact
            : Zone.ResolveLocal(start.PlusDays(NominalDays), FeedTimeZones.Resolver).ToInstant() + Exact;
        return new Interval(from, to < from ? from : to);
    }

    /// <summary>An upper bound on how long one occurrence lasts (for where expansion starts).</summary>
    public Duration Longest => Duration.FromDays(NominalDays) + Exact;
}

internal enum ShapeProblem
{
    None,
    ZeroLength,
    Invalid,
}
