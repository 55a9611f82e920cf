using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Books a collective event type across the members' partitions, where no single transaction reaches:
/// <list type="number">
/// <item>write the intent (Holding) in the team's partition, and schedule <see cref="RecoverCollective"/> for when
/// its holds expire (the caller sends that delayed message first, as the outbox guard does);</item>
/// <item>hold the time in each member's partition, in the fixed member order, each hold one conditional
/// transaction; a member not free → roll back; never start a hold once the holds have expired;</item>
/// <item>commit: Holding → Committed, one conditional write of the intent — THE decision; recovery can only win the
/// other way (Holding → RolledBack) after expiry, and exactly one of the two succeeds;</item>
/// <item>confirm each hold (held → confirmed with its outbox event), then Committed → Completed.</item>
/// </list>
/// A crash anywhere leaves an intent that recovery completes (Committed) or rolls back (Holding, once expired).
/// </summary>
public sealed class BookCollective(ICollectiveStore store, IClock clock)
{
    /// <summary>How long holds may stay untaken-over before recovery may roll the booking back.</summary>
    public static readonly Duration HoldLifetime = Duration.FromMinutes(2);

    public async Task<CollectiveOutcome> BookAsync(CollectiveIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await store.CreateIntentAsync(intent, cancellationToken).ConfigureAwait(false);
        foreach (var member in intent.Members)
        {
            if (clock.GetCurrentInstant() >= intent.HoldsExpireAt
                || await store.TryHoldAsync(member, intent, cancellationToken).ConfigureAwait(false) == HoldOutcome.Unavailable)
            {
                await CollectiveSteps.RollBackAsync(store, intent.Id, cancellationToken).ConfigureAwait(false);
                return CollectiveOutcome.Unavailable;
            }
        }

        var current = await store.ReadIntentAsync(intent.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Collective booking {intent.Id} vanished.");
        if (current.Value.State != CollectiveState.Holding
            || !await store.TryReplaceIntentAsync(current, current.Value with { State = CollectiveState.Committed }, cancellationToken).ConfigureAwait(false))
        {
            // Only recovery moves a Holding intent, and only to RolledBack: release what this attempt holds.
            await CollectiveSteps.RollBackAsync(store, intent.Id, cancellationToken).ConfigureAwait(false);
            return CollectiveOutcome.Unavailable;
        }

        await CollectiveSteps.CompleteAsync(store, intent.Id, cancellationToken).ConfigureAwait(false);
        return CollectiveOutcome.Booked;
    }
}
