using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Local date (as a day number since 1970-01-01) of instants given as Unix ticks in one zone, caching the zone
/// interval so a run of nearby instants costs one division each.
/// </summary>
internal struct LocalDayTracker(DateTimeZone zone)
{
    private const long UnixEpochDateOnlyDayNumber = 719_162;
    private long _validFrom = long.MaxValue;
    private long _validTo = long.MinValue;
    private long _offsetTicks;

    public long DayNumber(long ticks)
    {
        if (ticks < _validFrom || ticks >= _validTo)
        {
            Refresh(ticks);
        }

        return Ticks.FloorDiv(ticks + _offsetTicks, NodaConstants.TicksPerDay);
    }

    public static LocalDate ToDate(long dayNumber) =>
        LocalDate.FromDateOnly(DateOnly.FromDayNumber(checked((int)(UnixEpochDateOnlyDayNumber + dayNumber))));

    private void Refresh(long ticks)
    {
        var interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
        _validFrom = interval.HasStart ? Ticks.Ceiling(interval.Start) : long.MinValue;
        _validTo = interval.HasEnd ? Ticks.Ceiling(interval.End) : long.MaxValue;
        _offsetTicks = interval.WallOffset.Ticks;
    }
}
