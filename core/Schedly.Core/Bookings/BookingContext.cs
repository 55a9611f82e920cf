using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Bookings;

/// <summary>Shared steps of the booking use cases: the host's event type, the snapshot, the rule check.</summary>
internal static class BookingContext
{
    public static DailyCounterKey? CounterFor(EventType eventType, string eventTypeSlug, Instant start, DateTimeZone hostZone) =>
        eventType.MaxBookingsPerDay is null ? null : new DailyCounterKey(eventTypeSlug, start.InZone(hostZone).Date);

    /// <summary>The host's availability plus the usable busy time of its calendar feeds in <paramref name="window"/> (one range query).</summary>
    public static async Task<Availability> AvailabilityAsync(IImportedBusyTime imported, Host host, Interval window, Instant now, CancellationToken cancellationToken)
    {
        var busy = await imported.LoadAsync(host.Slug, window, cancellationToken).ConfigureAwait(false);
        return host.Schedule.Availability.WithBusy(ImportedBusy.Usable(busy, now));
    }

    /// <summary>True when <paramref name="start"/> is an offered slot now, ignoring <paramref name="excludeRandomId"/> (a booking being moved),
    /// against <paramref name="availability"/>: the host's with its imported busy time (<see cref="AvailabilityAsync"/>).
    /// For a seated type: when the start has a free seat (<see cref="SeatedSlots.SeatsLeft"/>).</summary>
    public static bool IsOffered(Host host, Availability availability, EventType eventType, string eventTypeSlug, BookingSnapshot snapshot, Instant start, Instant now, string? excludeRandomId = null)
    {
        var empty = new SlotContext(host.Profile.TimeZone, availability, eventType, []);
        if (eventType.Seats is not null)
        {
            return SeatedSlots.SeatsLeft(SeatSessions.Split(empty, snapshot.Bookings, eventTypeSlug, excludeRandomId), start, now) > 0;
        }

        var busy = new List<BusyBooking>(snapshot.Bookings.Count);
        foreach (var booked in snapshot.Bookings)
        {
            if (!string.Equals(booked.BookingRandomId, excludeRandomId, StringComparison.Ordinal))
            {
                busy.Add(booked.ToBusy(eventTypeSlug));
            }
        }

        return SlotEngine.IsOffered(empty with { Bookings = busy }, start, now);
    }
}
