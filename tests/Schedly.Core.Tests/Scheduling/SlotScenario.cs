using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Schedly.Core.Scheduling;
using Interval = NodaTime.Interval;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>A random host, event type, bookings and query around real DST transitions.</summary>
public sealed record SlotScenario(
    DateTimeZone HostZone,
    DateTimeZone ClientZone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> Weekly,
    IReadOnlyList<DateOverride> Overrides,
    IReadOnlyList<BlockedPeriod> Blocked,
    EventType EventType,
    IReadOnlyList<BusyBooking> Bookings,
    SlotQuery Query,
    Instant Now)
{
    public SlotContext Context => new(HostZone, new Availability(new WeeklyHours(Weekly), Overrides, Blocked), EventType, Bookings);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"host={HostZone.Id} client={ClientZone.Id} query={Query.Start}..{Query.End} now={Now} " +
        $"weekly=[{string.Join("; ", Weekly.Select(p => p.Key + ":" + string.Join(",", p.Value)))}] " +
        $"overrides=[{string.Join("; ", Overrides.Select(o => o.Date + ":" + string.Join(",", o.Intervals)))}] " +
        $"blocked=[{string.Join("; ", Blocked.Select(b => b.Interval))}] " +
        $"event=dur {EventType.Duration.TotalMinutes} step {EventType.SlotInterval.TotalMinutes} " +
        $"buf {EventType.BufferBefore.TotalMinutes}/{EventType.BufferAfter.TotalMinutes} notice {EventType.MinimumNotice.TotalMinutes} " +
        $"window {EventType.BookingWindow} max {EventType.MaxBookingsPerDay} " +
        $"bookings=[{string.Join("; ", Bookings.Select(b => $"{b.Start}-{b.End} buf {b.BufferBefore.TotalMinutes}/{b.BufferAfter.TotalMinutes} counts {b.CountsTowardDailyLimit}"))}]");
}

/// <summary>FsCheck generators for <see cref="SlotScenario"/>.</summary>
public static class SlotScenarioArbitrary
{
    public static readonly string[] ZoneIds =
    [
        "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago",
        "America/Havana", "America/St_Johns", "Pacific/Chatham", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago",
    ];

    /// <summary>Dates a few days before 2026 transitions in the zones above.</summary>
    private static readonly LocalDate[] _baseDates =
    [
        new(2026, 3, 6), new(2026, 3, 27), new(2026, 4, 3), new(2026, 9, 4), new(2026, 10, 2),
        new(2026, 10, 23), new(2026, 10, 30), new(2026, 6, 10),
    ];

    private static readonly int[] _durations = [15, 30, 45, 60, 90];
    private static readonly int[] _buffers = [0, 0, 5, 10, 15, 30];

    public static Arbitrary<SlotScenario> Scenario() => Arb.From(ScenarioGen());

    public static Gen<SlotScenario> ScenarioGen() =>
        from hostZone in Gen.Elements(ZoneIds)
        from clientZone in Gen.Elements(ZoneIds)
        from baseDate in Gen.Elements(_baseDates)
        from days in Gen.Choose(1, 6)
        from weekly in WeeklyGen()
        from overrides in OverridesGen(baseDate)
        from eventType in EventTypeGen(baseDate)
        from nowOffsetMinutes in Gen.Choose(-3 * 1440, 2 * 1440)
        from blockedRaw in Gen.ListOf(SpanGen(), 2).Select(l => l.Take(2).ToArray())
        from bookingCount in Gen.Choose(0, 14)
        from bookingsRaw in Gen.ArrayOf(BookingGen(), bookingCount)
        select Build(hostZone, clientZone, baseDate, days, weekly, overrides, eventType, nowOffsetMinutes, blockedRaw, bookingsRaw);

    private static SlotScenario Build(
        string hostZoneId, string clientZoneId, LocalDate baseDate, int days,
        Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> weekly, List<DateOverride> overrides, EventType eventType,
        int nowOffsetMinutes, (int Start, int Length)[] blockedRaw, (int Start, int Length, int Before, int After, bool Counts)[] bookingsRaw)
    {
        var hostZone = DateTimeZoneProviders.Tzdb[hostZoneId];
        var clientZone = DateTimeZoneProviders.Tzdb[clientZoneId];
        var origin = baseDate.AtStartOfDayInZone(hostZone).ToInstant();
        var blocked = blockedRaw
            .Select(b => new BlockedPeriod(new Interval(origin + Duration.FromMinutes(b.Start), origin + Duration.FromMinutes(b.Start + b.Length)), null))
            .ToArray();
        var bookings = bookingsRaw
            .Select(b => new BusyBooking(
                origin + Duration.FromMinutes(b.Start),
                origin + Duration.FromMinutes(b.Start + b.Length),
                Duration.FromMinutes(b.Before),
                Duration.FromMinutes(b.After),
                b.Counts))
            .ToArray();
        var query = new SlotQuery(baseDate, baseDate.PlusDays(days - 1), clientZone);
        return new SlotScenario(hostZone, clientZone, weekly, overrides, blocked, eventType, bookings, query,
            origin + Duration.FromMinutes(nowOffsetMinutes));
    }

    /// <summary>
    /// 0–3 sorted, disjoint ranges on a 15-minute grid (the last may end at 24:00); or ranges that touch (a seam),
    /// often from 00:00 to 24:00 so that days continue across local midnight; or the whole day.
    /// </summary>
    public static Gen<IReadOnlyList<LocalTimeRange>> RangesGen() =>
        from kind in Gen.Choose(0, 5)
        from count in Gen.Choose(0, 6)
        from marks in Gen.ArrayOf(Gen.Choose(0, 96), count)
        select kind switch
        {
            <= 2 => ToRanges(marks, touching: false),
            3 => ToRanges(marks, touching: true),
            4 => ToRanges([0, 96, .. marks], touching: true),
            _ => [LocalTimeRange.UntilEndOfDay(LocalTime.Midnight)],
        };

    private static IReadOnlyList<LocalTimeRange> ToRanges(int[] marks, bool touching)
    {
        var sorted = marks.Distinct().Order().ToArray();
        var ranges = new List<LocalTimeRange>();
        for (var i = 0; i + 1 < sorted.Length; i += touching ? 1 : 2)
        {
            var start = LocalTime.Midnight.PlusMinutes(sorted[i] * 15);
            ranges.Add(sorted[i + 1] == 96
                ? LocalTimeRange.UntilEndOfDay(start)
                : LocalTimeRange.Of(start, LocalTime.Midnight.PlusMinutes(sorted[i + 1] * 15)));
        }

        return ranges;
    }

    private static Gen<Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>> WeeklyGen() =>
        Gen.ArrayOf(RangesGen(), 7).Select(days => Enumerable.Range(1, 7).ToDictionary(d => (IsoDayOfWeek)d, d => days[d - 1]));

    private static Gen<List<DateOverride>> OverridesGen(LocalDate baseDate) =>
        from count in Gen.Choose(0, 2)
        from offsets in Gen.ArrayOf(Gen.Choose(-1, 7), count)
        from ranges in Gen.ArrayOf(RangesGen(), count)
        select offsets.Zip(ranges).DistinctBy(p => p.First)
            .Select(p => new DateOverride(baseDate.PlusDays(p.First), p.Second)).ToList();

    private static Gen<(int Start, int Length)> SpanGen() =>
        from start in Gen.Choose(-1440, 8 * 1440)
        from length in Gen.Choose(1, 600)
        select (start, length);

    private static Gen<(int Start, int Length, int Before, int After, bool Counts)> BookingGen() =>
        from start in Gen.Choose(-2 * 288, 9 * 288).Select(i => i * 5)
        from length in Gen.Elements(_durations)
        from before in Gen.Elements(_buffers)
        from after in Gen.Elements(_buffers)
        from counts in Gen.Elements(true, false)
        select (start, length, before, after, counts);

    private static Gen<EventType> EventTypeGen(LocalDate baseDate) =>
        from duration in Gen.Elements(_durations)
        from interval in Gen.Elements(5, 15, 20, 30, duration)
        from before in Gen.Elements(_buffers)
        from after in Gen.Elements(_buffers)
        from notice in Gen.Elements(0, 0, 60, 1440)
        from rolling in Gen.Elements(true, false)
        from windowDays in Gen.Choose(1, 10)
        from fixedFrom in Gen.Choose(-1, 4)
        from fixedLength in Gen.Choose(0, 4)
        from maxPerDay in Gen.Elements<int?>(null, null, 1, 2, 3)
        select new EventType
        {
            Title = "Random",
            Duration = Duration.FromMinutes(duration),
            SlotInterval = Duration.FromMinutes(interval),
            BufferBefore = Duration.FromMinutes(before),
            BufferAfter = Duration.FromMinutes(after),
            MinimumNotice = Duration.FromMinutes(notice),
            BookingWindow = rolling
                ? new RollingBookingWindow(windowDays)
                : new FixedBookingWindow(baseDate.PlusDays(fixedFrom), baseDate.PlusDays(fixedFrom + fixedLength)),
            MaxBookingsPerDay = maxPerDay,
        };
}
