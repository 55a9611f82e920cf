using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Everything the slot engine needs about one host and one of its event types, besides the query and the clock.
/// </summary>
/// <param name="HostZone">The host's zone, in which availability and the daily limit's dates are read.</param>
/// <param name="Availability">The host's weekly hours, overrides and blocked periods.</param>
/// <param name="EventType">The event type being offered.</param>
/// <param name="Bookings">
/// The host's existing (non-cancelled) bookings of ANY event type, in any order. It must contain at least every
/// booking overlapping <see cref="SlotEngine.BusyWindow(SlotQuery, EventType)"/> (or
/// <see cref="SlotEngine.BusyWindow(Instant, EventType)"/> for one start); more is harmless.
/// </param>
public sealed record SlotContext(
    DateTimeZone HostZone,
    Availability Availability,
    EventType EventType,
    IReadOnlyList<BusyBooking> Bookings);
