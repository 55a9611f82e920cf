using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Teams;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary><c>GET /api/teams/{team}</c>: the public team page's data: name, members' names, active event types.</summary>
public sealed class GetTeam(GetTeamProfile teamProfiles, Core.Abuse.ProofOfWork proofOfWork)
{
    [Function(nameof(GetTeam))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/teams/{team}")] HttpRequest request,
        string team,
        CancellationToken cancellationToken)
    {
        var profile = TeamSlug.TryParse(team, out var slug) ? await teamProfiles.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false) : null;
        return profile is null
            ? Problem.NotFound("No team has that name.")
            : JsonBody.Ok(PublicTeamResponse.From(profile, proofOfWork.Enabled)).WithHeader("Cache-Control", "public, max-age=60");
    }
}
