using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Local date (as a day number since 1970-01-01) of instants given as Unix ticks in one zone. Remembers the last
/// few zone intervals it met, so instants in any order over a year or so cost one division each.
/// </summary>
internal struct LocalDayTracker(DateTimeZone zone)
{
    private const long UnixEpochDateOnlyDayNumber = 719_162;
    private const int Slots = 4;
    private Cache _cache;
    private int _used;
    private int _next;

    public long DayNumber(long ticks) => Ticks.FloorDiv(ticks + OffsetTicks(ticks), NodaConstants.TicksPerDay);

    public static LocalDate ToDate(long dayNumber) =>
        LocalDate.FromDateOnly(DateOnly.FromDayNumber(checked((int)(UnixEpochDateOnlyDayNumber + dayNumber))));

    private long OffsetTicks(long ticks)
    {
        for (var i = 0; i < _used; i++)
        {
            ref var entry = ref _cache[i];
            if (ticks >= entry.From && ticks < entry.To)
            {
                return entry.Offset;
            }
        }

        var interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
        var slot = _next;
        _next = (_next + 1) % Slots;
        _used = Math.Max(_used, slot + 1);
        _cache[slot] = new Entry(
            interval.HasStart ? Ticks.Ceiling(interval.Start) : long.MinValue,
            interval.HasEnd ? Ticks.Ceiling(interval.End) : long.MaxValue,
            interval.WallOffset.Ticks);
        return _cache[slot].Offset;
    }

    private readonly record struct Entry(long From, long To, long Offset);

    [System.Runtime.CompilerServices.InlineArray(Slots)]
    private struct Cache
    {
        private Entry _element;
    }
}
