using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary><c>GET /api/teams/{team}</c>: the public team page's data: name, members' names, active event types.</summary>
public sealed class GetTeam(ITeamRepository teams, IHostRepository hosts)
{
    [Function(nameof(GetTeam))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/teams/{team}")] HttpRequest request,
        string team,
        CancellationToken cancellationToken)
    {
        var stored = TeamSlug.TryParse(team, out var slug) ? await teams.FindAsync(slug, cancellationToken).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return Problem.NotFound("No team has that name.");
        }

        var names = new List<string>();
        foreach (var member in stored.Value.Members)
        {
            if (await hosts.FindAsync(member.Host, cancellationToken).ConfigureAwait(false) is { } host)
            {
                names.Add(host.Value.Profile.Name);
            }
        }

        return JsonBody.Ok(PublicTeamResponse.From(stored.Value, names)).WithHeader("Cache-Control", "public, max-age=60");
    }
}
