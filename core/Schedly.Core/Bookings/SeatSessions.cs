using Schedly.Core.Scheduling;

namespace Schedly.Core.Bookings;

/// <summary>The active bookings a host has, split for a seated event type: the type's seats grouped into sessions, and the rest.</summary>
public static class SeatSessions
{
    /// <summary>
    /// The seated context of the event type of <paramref name="host"/> (slug <paramref name="eventTypeSlug"/>): the bookings of that
    /// type grouped by start and end into <see cref="SeatSession"/>s, every other booking as busy time. Booking
    /// <paramref name="excludeRandomId"/> (a seat being moved) is left out.
    /// </summary>
    public static SeatedContext Split(SlotContext host, IEnumerable<BookedSpan> bookings, string eventTypeSlug, string? excludeRandomId = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(bookings);
        var others = new List<BusyBooking>();
        var seats = new List<BookedSpan>();
        foreach (var booked in bookings)
        {
            if (string.Equals(booked.BookingRandomId, excludeRandomId, StringComparison.Ordinal))
            {
                continue;
            }

            if (string.Equals(booked.EventType, eventTypeSlug, StringComparison.Ordinal))
            {
                seats.Add(booked);
            }
            else
            {
                others.Add(booked.ToBusy(eventTypeSlug));
            }
        }

        var sessions = seats
            .GroupBy(s => (s.Start, s.End))
            .Select(g => new SeatSession(g.Key.Start, g.Key.End, g.Max(s => s.BufferBefore), g.Max(s => s.BufferAfter), g.Count()))
            .OrderBy(s => s.Start)
            .ToList();
        return new SeatedContext(host with { Bookings = others }, sessions);
    }
}
