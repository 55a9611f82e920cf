using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>
/// Repairs the outbox: every event still undispatched <see cref="GracePeriod"/> after it happened (its
/// publisher crashed, or the queue was unreachable at commit time) is enqueued again on
/// <c>booking-events</c> and then flagged dispatched. A crash between the two sends it once more on the
/// next sweep; consumers are idempotent per event id, so that is harmless.
/// </summary>
public sealed class SweepOutbox(IOutboxStore store, IOutboxQueue queue, IClock clock)
{
    /// <summary>How long the request that wrote an event has to publish it itself before the sweep steps in.</summary>
    public static readonly Duration GracePeriod = Duration.FromSeconds(30);

    /// <summary>At most this many events per sweep, so one run stays well inside a timer's interval; the rest wait for the next.</summary>
    public const int MaxPerSweep = 500;

    /// <summary>Re-enqueues the overdue events; returns how many were sent.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetCurrentInstant() - GracePeriod;
        var sent = 0;
        await foreach (var pending in store.ListUndispatchedAsync(cutoff, cancellationToken).ConfigureAwait(false))
        {
            await queue.EnqueueAsync(pending, cancellationToken).ConfigureAwait(false);
            await store.MarkDispatchedAsync(pending, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            sent++;
            if (sent >= MaxPerSweep)
            {
                break;
            }
        }

        return sent;
    }
}
