namespace Schedly.Core.Outbox;

/// <summary>The outbox rows of one host partition, as the guard check and the fan-out need them: one point read, one delete.</summary>
public interface IOutboxStore
{
    /// <summary>The row of event <paramref name="eventId"/> in <paramref name="host"/>'s partition, or null when there is none (deleted already, or never committed).</summary>
    Task<PendingOutboxEvent?> FindAsync(string host, string eventId, CancellationToken cancellationToken);

    /// <summary>Deletes the row of event <paramref name="eventId"/>: its event has been fanned out, or is on the queue again. Idempotent.</summary>
    Task RemoveAsync(string host, string eventId, CancellationToken cancellationToken);
}

/// <summary>Puts an outbox event's message on the <c>booking-events</c> queue, as written (at-least-once).</summary>
public interface IOutboxQueue
{
    Task EnqueueAsync(PendingOutboxEvent pending, CancellationToken cancellationToken);
}
