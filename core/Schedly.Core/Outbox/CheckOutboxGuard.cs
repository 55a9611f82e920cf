namespace Schedly.Core.Outbox;

/// <summary>
/// What an <see cref="OutboxGuard"/> does when it arrives: the fan-out deletes an event's outbox row once it has
/// handled the event, so a row still there means the event was not handled yet (its publisher died, the queue was
/// unreachable at commit time, or the fan-out is behind): publish it, and leave the row for the fan-out to delete.
/// The fan-out handles an event only while its row exists, so when a backlog longer than the guard's delay makes the
/// guard publish an event a second time, the second copy finds the row gone and costs one point read. A row flagged
/// dispatched by an earlier release is deleted (its event was handled by that release's fan-out).
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

        if (pending.Dispatched)
        {
            await store.RemoveAsync(pending.Host, pending.EventId, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await queue.EnqueueAsync(pending, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
