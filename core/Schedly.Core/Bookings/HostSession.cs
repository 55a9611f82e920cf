using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Bookings;

/// <summary>
/// One session of a seated event type as its host sees it: every seat holding time (confirmed or pending) that shares
/// the session's event type, start and end, in the order listed. Clients never see this: each sees only their own seat.
/// </summary>
/// <param name="EventType">The seated event type's slug.</param>
/// <param name="Start">The session's start.</param>
/// <param name="End">The session's end.</param>
/// <param name="Seats">The event type's seats now.</param>
/// <param name="Bookings">The seats taken, one booking each.</param>
public sealed record HostSession(string EventType, Instant Start, Instant End, int Seats, IReadOnlyList<BookingId> Bookings)
{
    /// <summary>
    /// The sessions among <paramref name="bookings"/> (one page of the host's list, sorted by start) of the event types
    /// <paramref name="schedule"/> seats, by start.
    /// </summary>
    public static IReadOnlyList<HostSession> Group(IEnumerable<Booking> bookings, HostSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(schedule);
        return bookings
            .Where(b => b.HoldsTime && schedule.FindEventType(b.EventType)?.Seats is not null)
            .GroupBy(b => (b.EventType, b.Start, b.End))
            .Select(g => new HostSession(g.Key.EventType, g.Key.Start, g.Key.End, schedule.FindEventType(g.Key.EventType)!.Seats!.Value, [.. g.Select(b => b.Id)]))
            .OrderBy(s => s.Start)
            .ToList();
    }
}
