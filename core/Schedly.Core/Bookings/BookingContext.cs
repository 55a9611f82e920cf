using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Bookings;

/// <summary>Shared steps of the booking use cases: the host's event type, the snapshot, the rule check.</summary>
internal static class BookingContext
{
    public static DailyCounterKey? CounterFor(EventType eventType, string eventTypeSlug, Instant start, DateTimeZone hostZone) =>
        eventType.MaxBookingsPerDay is null ? null : new DailyCounterKey(eventTypeSlug, start.InZone(hostZone).Date);

    /// <summary>True when <paramref name="start"/> is an offered slot now, ignoring <paramref name="excludeRandomId"/> (a booking being moved).</summary>
    public static bool IsOffered(Host host, EventType eventType, string eventTypeSlug, BookingSnapshot snapshot, Instant start, Instant now, string? excludeRandomId = null)
    {
        var busy = new List<BusyBooking>(snapshot.Bookings.Count);
        foreach (var booked in snapshot.Bookings)
        {
            if (!string.Equals(booked.BookingRandomId, excludeRandomId, StringComparison.Ordinal))
            {
                busy.Add(booked.ToBusy(eventTypeSlug));
            }
        }

        var context = new SlotContext(host.Profile.TimeZone, host.Schedule.Availability, eventType, busy);
        return SlotEngine.IsOffered(context, start, now);
    }
}
