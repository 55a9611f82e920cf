namespace Schedly.Core.Teams.Collective;

/// <summary>
/// The two ways a collective booking attempt ends, and the cancellation of a booked one as a whole: shared by the
/// requests and recovery; all idempotent.
/// </summary>
internal static class CollectiveSteps
{
    /// <summary>
    /// Decides RolledBack unless the intent already committed (then completes it instead), and releases every hold in
    /// reverse member order. Returns the final state.
    /// </summary>
    public static async Task<CollectiveState> RollBackAsync(ICollectiveStore store, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Collective booking {id} vanished.");
            switch (current.Value.State)
            {
                case CollectiveState.Committed or CollectiveState.Completed:
                    return await CompleteAsync(store, id, cancellationToken).ConfigureAwait(false);
                case CollectiveState.Cancelling or CollectiveState.Cancelled:
                    return current.Value.State; // booked, and being cancelled as a whole: nothing to roll back
                case CollectiveState.RolledBack:
                    foreach (var member in current.Value.Members.Reverse())
                    {
                        await store.ReleaseHoldAsync(member, current.Value, cancellationToken).ConfigureAwait(false);
                    }

                    return CollectiveState.RolledBack;
                default:
                    await store.TryReplaceIntentAsync(current, current.Value with { State = CollectiveState.RolledBack }, cancellationToken).ConfigureAwait(false);
                    break; // re-read: either our rollback or someone's commit now stands
            }
        }
    }

    /// <summary>
    /// Confirms every hold of a committed intent and marks it Completed. Returns Completed (or the cancellation's state
    /// when the booking was cancelled as a whole meanwhile).
    /// </summary>
    public static async Task<CollectiveState> CompleteAsync(ICollectiveStore store, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Collective booking {id} vanished.");
            if (current.Value.State is CollectiveState.Completed or CollectiveState.Cancelling or CollectiveState.Cancelled)
            {
                return current.Value.State;
            }

            if (current.Value.State != CollectiveState.Committed)
            {
                throw new InvalidOperationException($"Collective booking {id} is {current.Value.State}, not committed.");
            }

            foreach (var member in current.Value.Members)
            {
                await store.ConfirmHoldAsync(member, current.Value, cancellationToken).ConfigureAwait(false);
            }

            await store.TryReplaceIntentAsync(current, current.Value with { State = CollectiveState.Completed }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Cancels a booked collective booking as a whole: Completed → Cancelling on the intent's version (the decision,
    /// carrying <paramref name="cancellation"/>; a committed one is completed first), then every member's booking
    /// cancelled, then Cancelling → Cancelled. A cancellation already decided keeps its own reason. Returns the final
    /// state: Cancelled, or Holding / RolledBack for an attempt that never booked (nothing to cancel).
    /// </summary>
    public static async Task<CollectiveState> CancelAsync(ICollectiveStore store, string id, CollectiveCancellation cancellation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Collective booking {id} vanished.");
            var intent = current.Value;
            switch (intent.State)
            {
                case CollectiveState.Committed:
                    await CompleteAsync(store, id, cancellationToken).ConfigureAwait(false);
                    break;
                case CollectiveState.Completed:
                    await store.TryReplaceIntentAsync(current, intent with { State = CollectiveState.Cancelling, Cancellation = cancellation }, cancellationToken).ConfigureAwait(false);
                    break; // re-read: our decision or another cancellation's now stands
                case CollectiveState.Cancelling:
                    foreach (var member in intent.Members)
                    {
                        await store.CancelMemberAsync(member, intent, cancellationToken).ConfigureAwait(false);
                    }

                    await store.TryReplaceIntentAsync(current, intent with { State = CollectiveState.Cancelled }, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    return intent.State;
            }
        }
    }
}
