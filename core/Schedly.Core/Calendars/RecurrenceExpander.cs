using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using Duration = NodaTime.Duration;
using Period = NodaTime.Period;

namespace Schedly.Core.Calendars;

/// <summary>
/// The local start times of a series' occurrences that may overlap the window. The RRULE is evaluated by Ical.Net
/// on floating local times of the series' own zone (as RFC 5545 defines recurrence: in local time, so a weekly 09:00
/// stays 09:00 across DST), and each start is then mapped to an instant by <see cref="EventShape"/>. DTSTART is always
/// an occurrence; RDATEs are added; EXDATEs and RECURRENCE-ID overrides are removed by the caller.
/// <para>Cost is bounded whatever the rule says: rules with no COUNT and a fixed step (secondly to weekly; monthly and
/// yearly when the start day is at most 28) start from the step just before the window, not from DTSTART; COUNT is
/// cut at <see cref="MaxCount"/>; a rule whose BY-lists multiply to more than <see cref="MaxExpansion"/> candidates
/// per step is refused; Ical.Net gives up after <see cref="MaxUnmatched"/> steps without an occurrence; and at most
/// <c>cap</c> occurrences that overlap the window are taken.</para>
/// </summary>
internal static class RecurrenceExpander
{
    public const int MaxCount = 100_000;
    public const int MaxExpansion = 10_000;
    public const int MaxUnmatched = 5_000;
    private const int Slack = 6;

    private static readonly EvaluationOptions _evaluation = new() { MaxUnmatchedIncrementsLimit = MaxUnmatched };

    /// <summary>The starts, whether <paramref name="cap"/> cut them, or null when the rule is refused.</summary>
    public static (List<LocalDateTime>? Starts, bool Capped) Starts(
        CalendarEvent series, EventShape shape, FeedTimeZones zones, Interval window, int cap)
    {
        // Local bounds with slack for offset changes (at most a few hours); occurrences are then checked exactly.
        var lower = window.Start.Minus(Bounded(shape.Longest)).InZone(shape.Zone).LocalDateTime.PlusHours(-Slack);
        var upper = window.End.InZone(shape.Zone).LocalDateTime.PlusHours(Slack);
        var starts = new SortedSet<LocalDateTime>();
        if (shape.Start >= lower && shape.Start <= upper)
        {
            starts.Add(shape.Start);
        }

        foreach (var date in series.RecurrenceDates.GetAllDates())
        {
            var local = ToSeriesLocal(date, shape, zones);
            if (local >= lower && local <= upper)
            {
                starts.Add(local);
            }
        }

        var capped = false;
        if (series.RecurrenceRule is { } source)
        {
            var rule = Floating(source, shape, zones, out capped);
            if (rule is null)
            {
                return (null, false);
            }

            var seed = Shifted(rule, shape.Start, lower, shape.AllDay);
            var count = 0;
            foreach (var period in new RecurrencePatternEvaluator(rule).Evaluate(ToCal(seed, shape.AllDay), ToCal(lower, shape.AllDay), _evaluation))
            {
                var local = FeedTimeZones.LocalOf(period.StartTime);
                if (local > upper)
                {
                    break;
                }

                if (local < lower || !Overlaps(shape.At(local), window))
                {
                    continue;
                }

                if (++count > cap)
                {
                    capped = true;
                    break;
                }

                starts.Add(local);
            }
        }

        if (starts.Count > cap)
        {
            capped = true;
        }

        return ([.. starts.Take(cap)], capped);
    }

    /// <summary>An EXDATE, RDATE or RECURRENCE-ID value as a local time of the series' zone (dates: midnight).</summary>
    public static LocalDateTime ToSeriesLocal(CalDateTime value, EventShape shape, FeedTimeZones zones)
    {
        if (!value.HasTime || shape.AllDay)
        {
            return FeedTimeZones.DateOf(value).AtMidnight();
        }

        return zones.StartInstant(value).InZone(shape.Zone).LocalDateTime;
    }

    /// <summary>
    /// A copy of the rule that Ical.Net can evaluate on a floating seed: UNTIL as a floating value of the series' zone
    /// (a date for all-day series), COUNT cut at <see cref="MaxCount"/>. Null when the BY-lists expand too far.
    /// </summary>
    private static RecurrenceRule? Floating(RecurrenceRule source, EventShape shape, FeedTimeZones zones, out bool capped)
    {
        capped = false;
        var expansion = new[]
        {
            source.BySecond.Count, source.ByMinute.Count, source.ByHour.Count, source.ByDay.Count, source.ByMonthDay.Count,
            source.ByYearDay.Count, source.ByWeekNo.Count, source.ByMonth.Count,
        }.Aggregate(1L, (product, n) => Math.Min(product * Math.Max(n, 1), long.MaxValue / 400));
        if (expansion > MaxExpansion || source.Interval > 1_000_000)
        {
            return null;
        }

        var rule = new RecurrenceRule();
        rule.CopyFrom(source);
        if (rule.Count > MaxCount)
        {
            rule.Count = MaxCount;
            capped = true;
        }

        if (source.Until is { } until)
        {
            var local = until.HasTime
                ? ToSeriesLocal(until, shape with { AllDay = false }, zones)
                : FeedTimeZones.DateOf(until).At(new LocalTime(23, 59, 59));
            rule.Until = ToCal(local, shape.AllDay);
        }

        return rule;
    }

    /// <summary>
    /// The seed moved forward by whole steps to just before <paramref name="lower"/>, when that leaves the series
    /// unchanged: no COUNT (which counts from DTSTART), and a step that keeps the seed's day (monthly/yearly need a
    /// day of month up to 28; yearly also not 29 February).
    /// </summary>
    private static LocalDateTime Shifted(RecurrenceRule rule, LocalDateTime seed, LocalDateTime lower, bool allDay)
    {
        if (rule.Count is not null || seed >= lower)
        {
            return seed;
        }

        var interval = Math.Max(rule.Interval, 1);
        Period? step = rule.Frequency switch
        {
            FrequencyType.Secondly when !allDay => Period.FromSeconds(interval),
            FrequencyType.Minutely when !allDay => Period.FromMinutes(interval),
            FrequencyType.Hourly when !allDay => Period.FromHours(interval),
            FrequencyType.Daily => Period.FromDays(interval),
            FrequencyType.Weekly => Period.FromWeeks(interval),
            FrequencyType.Monthly when seed.Day <= 28 => Period.FromMonths(interval),
            FrequencyType.Yearly when seed.Day <= 28 => Period.FromYears(interval),
            _ => null,
        };
        if (step is null)
        {
            return seed;
        }

        // Estimate the number of steps by elapsed time (months and years at their longest, so never past it), then walk the last few.
        var approxTicks = rule.Frequency switch
        {
            FrequencyType.Monthly => 31 * TimeSpan.TicksPerDay * interval,
            FrequencyType.Yearly => 366 * TimeSpan.TicksPerDay * interval,
            _ => step.ToDuration().BclCompatibleTicks,
        };
        var elapsed = (lower.InUtc().ToInstant() - seed.InUtc().ToInstant()).BclCompatibleTicks;
        var steps = Math.Max((elapsed / approxTicks) - 2, 0);
        var shifted = Plus(seed, step, steps);
        while (Plus(shifted, step, 1) < lower)
        {
            shifted = Plus(shifted, step, 1);
        }

        return shifted;
    }

    private static LocalDateTime Plus(LocalDateTime value, Period step, long times) =>
        step.Seconds != 0 ? value.PlusSeconds(step.Seconds * times)
        : step.Minutes != 0 ? value.PlusMinutes(step.Minutes * times)
        : step.Hours != 0 ? value.PlusHours(step.Hours * times)
        : step.Days != 0 ? value.PlusDays(checked((int)(step.Days * times)))
        : step.Weeks != 0 ? value.PlusWeeks(checked((int)(step.Weeks * times)))
        : step.Months != 0 ? value.PlusMonths(checked((int)(step.Months * times)))
        : value.PlusYears(checked((int)(step.Years * times)));

    private static bool Overlaps(Interval occurrence, Interval window) =>
        occurrence.Start < window.End && occurrence.End > window.Start;

    private static Duration Bounded(Duration longest) => Duration.Min(longest, Duration.FromDays(3_660));

    private static CalDateTime ToCal(LocalDateTime local, bool dateOnly) => dateOnly
        ? new CalDateTime(local.Year, local.Month, local.Day)
        : new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, null);
}
