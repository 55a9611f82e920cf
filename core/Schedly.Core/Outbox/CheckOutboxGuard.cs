namespace Schedly.Core.Outbox;

/// <summary>
/// What an <see cref="OutboxGuard"/> does when it arrives: the fan-out deletes an event's outbox row once it has
/// handled the event, so a row still there means the event was not handled yet (its publisher died, the queue was
/// unreachable at commit time, or the fan-out is behind): publish it, then delete the row. A row flagged dispatched by
/// an earlier release is only deleted. A crash between the two leaves the row, and the guard's message comes back (the
/// queue redelivers it) and publishes it once more; consumers are idempotent per event id, so a second publication,
/// like the one a fan-out backlog longer than the guard's delay causes, is harmless.
/// </summary>
public sealed class CheckOutboxGuard(IOutboxStore store, IOutboxQueue queue)
{
    /// <summary>True when the event had not been published and now is.</summary>
    public async Task<bool> ExecuteAsync(OutboxGuard guard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(guard);
        var pending = await store.FindAsync(guard.Host, guard.EventId, cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            return false;
        }

        if (!pending.Dispatched)
        {
            await queue.EnqueueAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        await store.RemoveAsync(pending.Host, pending.EventId, cancellationToken).ConfigureAwait(false);
        return !pending.Dispatched;
    }
}
