using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// The decision to cancel a collective booking as a whole, kept on its intent so that recovery cancels every member's
/// booking with the same reason and the same "cancelled by" (<see cref="Bookings.Booking.ByClient"/> or
/// <see cref="Bookings.Booking.ByHost"/>) as the request that decided it.
/// </summary>
public sealed record CollectiveCancellation(string? Reason, string CancelledBy, Instant At);
