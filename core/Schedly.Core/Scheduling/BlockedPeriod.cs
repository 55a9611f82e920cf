using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A span of instants when the host takes no bookings (holidays, a dentist visit): <c>[Start, End)</c>,
/// end exclusive, never empty. It is busy time as-is, without buffers.
/// </summary>
public sealed record BlockedPeriod
{
    public const int MaxReasonLength = 200;

    public BlockedPeriod(Interval interval, string? reason)
    {
        if (!interval.HasStart || !interval.HasEnd || interval.End <= interval.Start)
        {
            throw new ArgumentException("A blocked period needs a start and an end after it.", nameof(interval));
        }

        Interval = interval;
        Reason = reason;
    }

    public Interval Interval { get; }

    public string? Reason { get; }
}
