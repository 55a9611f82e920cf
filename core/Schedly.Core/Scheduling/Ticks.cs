using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>Instants as Unix ticks (100 ns) for the engine's hot loops; rounding is always conservative.</summary>
internal static class Ticks
{
    public static long Floor(Instant instant) => instant.ToUnixTimeTicks();

    public static long Ceiling(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) == instant ? ticks : ticks + 1;
    }

    public static long Of(Duration duration) => duration.BclCompatibleTicks;

    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }

    public static long CeilingDiv(long value, long divisor) => -FloorDiv(-value, divisor);
}
