namespace Schedly.Core.Outbox;

/// <summary>
/// What an <see cref="OutboxGuard"/> does when it arrives: publish the event if its outbox row is still there and not
/// flagged dispatched (its publisher died, or the queue was unreachable at commit time), then delete the row, which
/// is how every outbox row ends. A crash between the two leaves the row, and the guard's message comes back (the
/// queue redelivers it) and publishes it once more; consumers are idempotent per event id, so that is harmless.
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

        await store.RemoveAsync(pending, cancellationToken).ConfigureAwait(false);
        return !pending.Dispatched;
    }
}
