namespace Schedly.Core.Teams.Collective;

/// <summary>The two ways a collective booking ends, shared by the booking request and recovery; both idempotent.</summary>
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

    /// <summary>Confirms every hold of a committed intent and marks it Completed. Returns Completed.</summary>
    public static async Task<CollectiveState> CompleteAsync(ICollectiveStore store, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Collective booking {id} vanished.");
            if (current.Value.State == CollectiveState.Completed)
            {
                return CollectiveState.Completed;
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
}
