using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using Interval = NodaTime.Interval;

namespace Schedly.Core.Tests.Calendars;

/// <summary>
/// A simple weekly series (WKST=MO) with random days, step, end and EXDATEs, near real DST transitions; early-morning
/// starts and Sundays are favoured so occurrences land in gaps and repeated hours.
/// </summary>
public sealed record WeeklySeriesScenario(
    DateTimeZone Zone,
    LocalDateTime Start,
    int DurationMinutes,
    IReadOnlyList<IsoDayOfWeek> Days,
    int Step,
    int? Count,
    int? UntilIndex,
    IReadOnlySet<int> ExcludedIndexes,
    Interval Window)
{
    private const int MaxWeeks = 200;
    private static readonly LocalDateTimePattern _ics = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>The series' occurrences, in order, by walking weeks from DTSTART's Monday: the naive reading of RFC 5545.</summary>
    public IReadOnlyList<LocalDateTime> Occurrences()
    {
        var weekStart = Start.Date.PlusDays(-((int)Start.DayOfWeek - 1));
        var untilLocal = UntilIndex is { } u ? Unbounded().ElementAtOrDefault(u - 1) : (LocalDateTime?)null;
        var result = new List<LocalDateTime>();
        foreach (var local in Unbounded())
        {
            if ((Count is { } c && result.Count >= c) || (untilLocal is { } until && local > until))
            {
                break;
            }

            result.Add(local);
        }

        return result;

        IEnumerable<LocalDateTime> Unbounded()
        {
            for (var week = 0; week < MaxWeeks; week += Step)
            {
                foreach (var day in Days.Order())
                {
                    var local = weekStart.PlusDays((7 * week) + (int)day - 1).At(Start.TimeOfDay);
                    if (local >= Start)
                    {
                        yield return local;
                    }
                }
            }
        }
    }

    /// <summary>The expected busy set: each kept occurrence from its start (RFC 5545 gap rule) for the exact duration, clipped, merged.</summary>
    public IReadOnlyList<Interval> ExpectedBusy()
    {
        var spans = Occurrences()
            .Where((_, index) => !ExcludedIndexes.Contains(index))
            .Select(local => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant())
            .Select(start => (Start: Instant.Max(start, Window.Start), End: Instant.Min(start + Duration.FromMinutes(DurationMinutes), Window.End)))
            .Where(span => span.End > span.Start)
            .OrderBy(span => span.Start)
            .ToList();
        var merged = new List<Interval>();
        foreach (var (start, end) in spans)
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = new Interval(merged[^1].Start, Instant.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add(new Interval(start, end));
            }
        }

        return merged;
    }

    public string ToIcs()
    {
        var occurrences = Occurrences();
        var rule = new StringBuilder().Append(CultureInfo.InvariantCulture, $"FREQ=WEEKLY;WKST=MO;INTERVAL={Step};BYDAY={string.Join(',', Days.Order().Select(Ics))}");
        if (Count is { } count)
        {
            rule.Append(CultureInfo.InvariantCulture, $";COUNT={count}");
        }
        else if (UntilIndex is not null)
        {
            var until = Zone.ResolveLocal(occurrences[^1], Resolvers.LenientResolver).ToInstant();
            rule.Append(CultureInfo.InvariantCulture, $";UNTIL={until.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        }

        var excluded = ExcludedIndexes.Where(i => i < occurrences.Count).Order().Select(i => _ics.Format(occurrences[i])).ToArray();
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Schedly property//EN\r\nBEGIN:VEVENT\r\nUID:weekly@example.com\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTSTART;TZID={Zone.Id}:{_ics.Format(Start)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"DURATION:PT{DurationMinutes}M\r\n")
            .Append(CultureInfo.InvariantCulture, $"RRULE:{rule}\r\n");
        if (excluded.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"EXDATE;TZID={Zone.Id}:{string.Join(',', excluded)}\r\n");
        }

        return text.Append("END:VEVENT\r\nEND:VCALENDAR\r\n").ToString();
    }

    public override string ToString() => $"window={Window}\n{ToIcs()}";

    private static string Ics(IsoDayOfWeek day) => day.ToString()[..2].ToUpperInvariant();
}

/// <summary>FsCheck generators for <see cref="WeeklySeriesScenario"/>.</summary>
public static class WeeklySeriesArbitrary
{
    private static readonly string[] _zoneIds = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "America/Santiago"];

    /// <summary>A few days before 2026/2027 transitions in the zones above.</summary>
    private static readonly LocalDate[] _baseDates =
    [
        new(2026, 10, 20), new(2026, 10, 28), new(2027, 3, 24), new(2027, 3, 10), new(2027, 4, 1), new(2026, 9, 1),
    ];

    public static Arbitrary<WeeklySeriesScenario> Scenario() => Arb.From(ScenarioGen());

    private static Gen<WeeklySeriesScenario> ScenarioGen() =>
        from zoneId in Gen.Elements(_zoneIds)
        from baseDate in Gen.Elements(_baseDates)
        from dayOffset in Gen.Choose(-7, 6)
        from hour in Gen.OneOf(Gen.Choose(0, 23), Gen.Choose(0, 3))
        from minute in Gen.Elements(0, 15, 30, 45)
        from durationSteps in Gen.Choose(1, 16)
        from extraDays in Gen.ArrayOf(Gen.Elements(true, false, false), 7)
        from sunday in Gen.Elements(true, false)
        from step in Gen.Choose(1, 3)
        from endKind in Gen.Choose(0, 2)
        from endIndex in Gen.Choose(1, 30)
        from excluded in Gen.ArrayOf(Gen.Elements(true, false, false, false), 40)
        from windowOffsetDays in Gen.Choose(-7, 21)
        from windowDays in Gen.Choose(1, 70)
        select Build(zoneId, baseDate.PlusDays(dayOffset).At(new LocalTime(hour, minute)), durationSteps * 15, [.. extraDays[..6], extraDays[6] || sunday], step, endKind, endIndex, excluded, baseDate, windowOffsetDays, windowDays);

    private static WeeklySeriesScenario Build(
        string zoneId, LocalDateTime start, int durationMinutes, bool[] extraDays, int step, int endKind, int endIndex, bool[] excluded,
        LocalDate baseDate, int windowOffsetDays, int windowDays)
    {
        var days = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Where(d => d == start.DayOfWeek || extraDays[(int)d - 1]).ToArray();
        var windowStart = baseDate.PlusDays(windowOffsetDays).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(7);
        return new WeeklySeriesScenario(
            DateTimeZoneProviders.Tzdb[zoneId],
            start,
            durationMinutes,
            days,
            step,
            endKind == 1 ? endIndex : null,
            endKind == 2 ? endIndex : null,
            Enumerable.Range(0, excluded.Length).Where(i => excluded[i]).ToHashSet(),
            new Interval(windowStart, windowStart + Duration.FromDays(windowDays)));
    }
}
