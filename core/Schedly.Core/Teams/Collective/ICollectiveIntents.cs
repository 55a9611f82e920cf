using Schedly.Core.Hosts;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Storage of collective intents, each in its team's partition (<see cref="CollectiveIds.TeamOf"/>): one point read or
/// one conditional write per call. The intent half of <see cref="ICollectiveStore"/>; <see cref="CollectiveHolds"/>
/// adds the holds on the members' bookings.
/// </summary>
public interface ICollectiveIntents
{
    /// <summary>Writes a new intent; a second call with the same id changes nothing.</summary>
    Task CreateAsync(CollectiveIntent intent, CancellationToken cancellationToken);

    Task<Versioned<CollectiveIntent>?> ReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the intent only if it is still at <paramref name="current"/>'s version; false when it moved.</summary>
    Task<bool> TryReplaceAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken);

    /// <summary>The ids of up to <paramref name="max"/> intents whose meeting ended before <paramref name="endedBefore"/>.</summary>
    Task<IReadOnlyList<string>> ListEndedBeforeAsync(NodaTime.Instant endedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Deletes the intent; nothing when it is gone already.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
