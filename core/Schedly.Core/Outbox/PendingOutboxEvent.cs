using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>
/// An outbox row not yet flagged dispatched: the event's host partition, its id and type, the exact
/// <c>booking-events</c> message that was written with the change, and when the change happened.
/// Deliberately not a parsed <see cref="Notifications.BookingEventReference"/>: the sweep forwards the stored text as is
/// (even one it could not parse, which then lands in the poison queue), and these fields are the row's key and
/// columns, which it needs to flag the row dispatched.
/// </summary>
public sealed record PendingOutboxEvent(string Host, string EventId, string EventType, string Message, Instant OccurredAt);
