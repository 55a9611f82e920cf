using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>Each team's <see cref="FairnessLedger"/>, one row in the team's partition, written conditionally on its version.</summary>
public interface ITeamLedgerStore
{
    /// <summary>The ledger and its version; null when the team never had a round-robin booking.</summary>
    Task<Versioned<FairnessLedger>?> FindAsync(TeamSlug team, CancellationToken cancellationToken);

    /// <summary>Writes the ledger if it is still at <paramref name="version"/> (null: must not exist yet); false when it moved.</summary>
    Task<bool> TryWriteAsync(TeamSlug team, FairnessLedger ledger, string? version, CancellationToken cancellationToken);
}
