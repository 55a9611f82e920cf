using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Finishes a collective booking its request left half-way (a crash, a timeout): run from the delayed message sent
/// before the booking started, and again whenever it says so. Committed → confirms every hold. Holding before the
/// holds expire → not yet. Holding after → rolls back (a commit racing it loses or wins on the intent's version, never
/// both). Rolled back → releases every hold, and once more after <see cref="LateWriteGrace"/>, so that a hold written
/// by a request that stalled just before the expiry is also released. Cancelling (a cancellation as a whole that its
/// request left half-way) → cancels every member's booking. Completed and Cancelled → nothing left to do.
/// </summary>
public sealed class RecoverCollective(ICollectiveStore store, IClock clock)
{
    /// <summary>Longer than any one storage write may take in flight (the client's retry budget per operation).</summary>
    public static readonly Duration LateWriteGrace = Duration.FromMinutes(2);

    public async Task<RecoveryStep> RunAsync(string id, CancellationToken cancellationToken)
    {
        var current = await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new RecoveryStep(null, null); // never written: no hold can exist (holds come after the intent)
        }

        var intent = current.Value;
        var now = clock.GetCurrentInstant();
        switch (intent.State)
        {
            case CollectiveState.Completed or CollectiveState.Cancelled:
                return new RecoveryStep(intent.State, null);
            case CollectiveState.Cancelling:
                return new RecoveryStep(await CollectiveSteps.CancelAsync(store, id, intent.Cancellation!, cancellationToken).ConfigureAwait(false), null);
            case CollectiveState.Committed:
                return new RecoveryStep(await CollectiveSteps.CompleteAsync(store, id, cancellationToken).ConfigureAwait(false), null);
            case CollectiveState.Holding when now < intent.HoldsExpireAt:
                return new RecoveryStep(CollectiveState.Holding, intent.HoldsExpireAt);
            default:
                var state = await CollectiveSteps.RollBackAsync(store, id, cancellationToken).ConfigureAwait(false);
                var lastPass = intent.HoldsExpireAt + LateWriteGrace;
                return new RecoveryStep(state, state == CollectiveState.RolledBack && now < lastPass ? lastPass : null);
        }
    }
}
