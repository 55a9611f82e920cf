using Schedly.Core.Hosts;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Storage for the collective protocol. Every operation is one conditional write in ONE partition (the team's for
/// the intent, a member's for a hold), and every one is idempotent, so a step repeated after a crash is harmless.
/// </summary>
public interface ICollectiveStore
{
    /// <summary>Writes a new intent (state Holding); a second call with the same id changes nothing.</summary>
    Task CreateIntentAsync(CollectiveIntent intent, CancellationToken cancellationToken);

    Task<Versioned<CollectiveIntent>?> ReadIntentAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the intent only if it is still at <paramref name="current"/>'s version; false when it moved.</summary>
    Task<bool> TryReplaceIntentAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken);

    /// <summary>
    /// In the member's partition, atomically: claims the intent's time in the member's cells (as a booking does) and
    /// writes a held booking naming the intent; <see cref="HoldOutcome.Held"/> also when that hold already exists.
    /// </summary>
    Task<HoldOutcome> TryHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken);

    /// <summary>Turns the member's hold for the intent into a confirmed booking with its outbox event; no-op if already confirmed.</summary>
    Task ConfirmHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken);

    /// <summary>Deletes the member's hold for the intent and frees its cells; no-op when there is none. Never touches a confirmed booking.</summary>
    Task ReleaseHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the member's confirmed booking of the intent as <see cref="CollectiveIntent.Cancellation"/> says, freeing
    /// its time (with its outbox event); no-op when it is not confirmed (cancelled already, or never booked).
    /// </summary>
    Task CancelMemberAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken);
}
