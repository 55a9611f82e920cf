using Schedly.Core.Teams;

namespace Schedly.Functions.Teams;

/// <summary>
/// The per-host rate-limit budget a team's public routes spend: the team's own (<c>team.{slug}</c>, a name no host slug
/// can take since host slugs have no dot), so a busy team neither spends nor is spent by a host's budget.
/// </summary>
internal static class TeamRateScope
{
    public static string Of(TeamSlug team) => "team." + team.Value;
}
