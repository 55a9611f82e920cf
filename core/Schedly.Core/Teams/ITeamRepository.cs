using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>Storage of teams (one row each). Implementations are safe to call from many instances at once.</summary>
public interface ITeamRepository
{
    Task<Versioned<Team>?> FindAsync(TeamSlug slug, CancellationToken cancellationToken);

    /// <summary>Creates the team; false when one with that slug exists.</summary>
    Task<bool> TryCreateAsync(Team team, CancellationToken cancellationToken);

    /// <summary>Replaces the team when it is still at <paramref name="version"/>; false when someone changed it first.</summary>
    Task<bool> TryUpdateAsync(Team team, string version, CancellationToken cancellationToken);
}
