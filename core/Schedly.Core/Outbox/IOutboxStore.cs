using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>Reads and flags outbox rows across every host: what the outbox sweep needs.</summary>
public interface IOutboxStore
{
    /// <summary>Rows still undispatched whose event happened before <paramref name="occurredBefore"/>, across hosts.</summary>
    IAsyncEnumerable<PendingOutboxEvent> ListUndispatchedAsync(Instant occurredBefore, CancellationToken cancellationToken);

    /// <summary>Flags the row dispatched at <paramref name="at"/>. Idempotent.</summary>
    Task MarkDispatchedAsync(PendingOutboxEvent pending, Instant at, CancellationToken cancellationToken);
}

/// <summary>Puts an outbox event's message on the <c>booking-events</c> queue, as written (at-least-once).</summary>
public interface IOutboxQueue
{
    Task EnqueueAsync(PendingOutboxEvent pending, CancellationToken cancellationToken);
}
