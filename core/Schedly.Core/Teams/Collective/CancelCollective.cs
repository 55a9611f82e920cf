using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Cancels a collective booking as a whole, across the members' partitions where no single transaction reaches:
/// <list type="number">
/// <item>schedule a recovery pass <see cref="RecoveryDelay"/> from now (before anything is written, as the booking
/// request does);</item>
/// <item>decide: the intent Completed → Cancelling, with the reason and who cancelled, one conditional write on its
/// version in the team's partition;</item>
/// <item>cancel each member's booking (idempotent, each one transaction in the member's partition);</item>
/// <item>Cancelling → Cancelled.</item>
/// </list>
/// A crash before the decision leaves the booking booked for everyone (the request failed; the caller may retry); a
/// crash after it is finished by the recovery pass (<see cref="RecoverCollective"/>), which cancels every member's
/// booking with the stored reason.
/// </summary>
public sealed class CancelCollective(ICollectiveStore store, ICollectiveRecoveryQueue recovery, IClock clock)
{
    /// <summary>When the recovery pass runs: well after a request that does not die has finished.</summary>
    public static readonly Duration RecoveryDelay = Duration.FromMinutes(2);

    /// <summary>
    /// Cancels collective booking <paramref name="id"/> by <paramref name="cancelledBy"/>; null when no such booking
    /// exists. Returns <see cref="CollectiveState.Cancelled"/> once every member's booking is cancelled (also when it
    /// already was), or Holding / RolledBack for an attempt that never booked.
    /// </summary>
    public async Task<CollectiveState?> CancelAsync(string id, string? reason, string cancelledBy, CancellationToken cancellationToken)
    {
        if (await store.ReadIntentAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        await recovery.ScheduleAsync(id, now + RecoveryDelay, cancellationToken).ConfigureAwait(false);
        return await CollectiveSteps.CancelAsync(store, id, new CollectiveCancellation(reason, cancelledBy, now), cancellationToken).ConfigureAwait(false);
    }
}
