using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>
/// An outbox row not yet flagged dispatched: the event's host partition, its id and type, the exact
/// <c>booking-events</c> message that was written with the change, and when the change happened.
/// </summary>
public sealed record PendingOutboxEvent(string Host, string EventId, string EventType, string Message, Instant OccurredAt);
