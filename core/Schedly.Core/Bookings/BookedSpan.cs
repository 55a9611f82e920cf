using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Bookings;

/// <summary>What the store knows of an active booking for availability: its time, buffers and event type.</summary>
public sealed record BookedSpan(string BookingRandomId, string EventType, Instant Start, Instant End, Duration BufferBefore, Duration BufferAfter)
{
    public Interval ClaimedSpan => new(Start - BufferBefore, End + BufferAfter);

    public BusyBooking ToBusy(string queriedEventType) =>
        new(Start, End, BufferBefore, BufferAfter, string.Equals(EventType, queriedEventType, StringComparison.Ordinal));

    public static BookedSpan Of(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new(booking.Id.Random, booking.EventType, booking.Start, booking.End, booking.BufferBefore, booking.BufferAfter);
    }
}
