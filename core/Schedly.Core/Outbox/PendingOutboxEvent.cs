using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>
/// An outbox row as its guard finds it: the event's host partition, its id and type, the exact <c>booking-events</c>
/// message that was written with the change, when the change happened, and <see cref="Dispatched"/>: true only for a
/// row an earlier release flagged after publishing (today the fan-out deletes the row instead).
/// Deliberately not a parsed <see cref="Notifications.BookingEventReference"/>: the guard forwards the stored text as
/// is (even one it could not parse, which then lands in the poison queue).
/// </summary>
public sealed record PendingOutboxEvent(string Host, string EventId, string EventType, string Message, Instant OccurredAt, bool Dispatched = false);
