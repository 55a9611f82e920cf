using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// One session of a seated event type: the active bookings of that type sharing one start and one length, each a
/// seat. The host is busy for it once (<see cref="ToBusy"/>), with the widest buffers its seats were booked with.
/// </summary>
/// <param name="Start">When the session starts.</param>
/// <param name="End">When it ends (after <paramref name="Start"/>).</param>
/// <param name="BufferBefore">The buffer before it (the widest of its seats').</param>
/// <param name="BufferAfter">The buffer after it (the widest of its seats').</param>
/// <param name="Taken">The seats taken: confirmed and pending bookings of the session, at least one.</param>
public sealed record SeatSession(Instant Start, Instant End, Duration BufferBefore, Duration BufferAfter, int Taken)
{
    public Duration Length => End - Start;

    /// <summary>
    /// The session as the slot engine sees the host's time: busy once. Toward the daily limit it counts once
    /// (<see cref="LimitsCount.Sessions"/>) or once per seat taken (<see cref="LimitsCount.Attendees"/>).
    /// </summary>
    public IEnumerable<BusyBooking> ToBusy(LimitsCount limitsCount)
    {
        var counted = limitsCount == LimitsCount.Attendees ? Taken : 1;
        for (var i = 0; i < counted; i++)
        {
            yield return new BusyBooking(Start, End, BufferBefore, BufferAfter, countsTowardDailyLimit: true);
        }
    }
}
