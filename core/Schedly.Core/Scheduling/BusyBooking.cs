using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// An existing booking of the host, of any event type, as the slot engine sees it. Its busy span is
/// <c>[Start - BufferBefore, End + BufferAfter)</c> with the buffers of ITS OWN event type.
/// </summary>
public readonly record struct BusyBooking
{
    /// <param name="start">Start of the booking (inclusive).</param>
    /// <param name="end">End of the booking (exclusive), after <paramref name="start"/>.</param>
    /// <param name="bufferBefore">The booked event type's buffer before; ≥ 0.</param>
    /// <param name="bufferAfter">The booked event type's buffer after; ≥ 0.</param>
    /// <param name="countsTowardDailyLimit">
    /// True when the booking is of the event type being queried, so it counts toward that type's
    /// <see cref="EventType.MaxBookingsPerDay"/> on the host-local date of its start.
    /// </param>
    public BusyBooking(Instant start, Instant end, Duration bufferBefore, Duration bufferAfter, bool countsTowardDailyLimit)
    {
        if (end <= start)
        {
            throw new ArgumentException("A booking must end after it starts.", nameof(end));
        }

        if (bufferBefore < Duration.Zero || bufferAfter < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bufferBefore), "Buffers must not be negative.");
        }

        Start = start;
        End = end;
        BufferBefore = bufferBefore;
        BufferAfter = bufferAfter;
        CountsTowardDailyLimit = countsTowardDailyLimit;
        StartTicks = Ticks.Floor(start);
        BusyStartTicks = Ticks.Floor(start - bufferBefore);
        BusyEndTicks = Ticks.Ceiling(end + bufferAfter);
    }

    public Instant Start { get; }

    public Instant End { get; }

    public Duration BufferBefore { get; }

    public Duration BufferAfter { get; }

    public bool CountsTowardDailyLimit { get; }

    /// <summary>The start in Unix ticks, for the engine's sweep.</summary>
    internal long StartTicks { get; }

    /// <summary>The busy span's start in Unix ticks (rounded down), computed once rather than per query.</summary>
    internal long BusyStartTicks { get; }

    /// <summary>The busy span's end in Unix ticks (rounded up).</summary>
    internal long BusyEndTicks { get; }

    /// <summary>The busy span with buffers: <c>[Start - BufferBefore, End + BufferAfter)</c>.</summary>
    public Interval BusySpan => new(Start - BufferBefore, End + BufferAfter);
}
