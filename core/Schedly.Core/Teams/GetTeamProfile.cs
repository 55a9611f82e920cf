using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// A team as its public booking page shows it: the team and its members' display names (members whose host is gone or
/// suspended are left out: they take no bookings).
/// </summary>
public sealed class GetTeamProfile(ITeamRepository teams, IHostRepository hosts)
{
    /// <summary>The team and its members' names, or null for an unknown team.</summary>
    public async Task<PublicTeamProfile?> ExecuteAsync(TeamSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var stored = await teams.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var members = new List<TeamMemberName>();
        foreach (var member in stored.Value.Members)
        {
            if (await hosts.FindAsync(member.Host, cancellationToken).ConfigureAwait(false) is { Value.Suspended: false } host)
            {
                members.Add(new TeamMemberName(member.Host, host.Value.Profile.Name));
            }
        }

        return new PublicTeamProfile(stored.Value, members);
    }
}

/// <summary>A team with the names its page shows.</summary>
public sealed record PublicTeamProfile(Team Team, IReadOnlyList<TeamMemberName> Members);

/// <summary>A member as the public sees them: slug and display name (no priority or weight).</summary>
public sealed record TeamMemberName(HostSlug Host, string Name);
