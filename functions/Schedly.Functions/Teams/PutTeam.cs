using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Teams;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary>
/// <c>PUT /api/admin/teams/{team}</c> (operator): creates (201) or replaces (200) a team
/// <c>{ name, members: [ { host, priority?, weight? } ] }</c>; every member must be an existing host.
/// </summary>
public sealed class PutTeam(OperatorRoutes operatorRoutes, EditTeams editTeams)
{
    [Function(nameof(PutTeam))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/teams/{team}")] HttpRequest request,
        string team,
        CancellationToken cancellationToken)
    {
        if (await operatorRoutes.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var body = await JsonRequest.ReadAsync<TeamDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await editTeams.PutTeamAsync(team, body.Value!, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            TeamEditResult<Team>.Saved { Created: true } created => JsonBody.Created(TeamResponse.From(created.Team)).WithHeader("Location", $"/api/admin/teams/{created.Team.Slug.Value}"),
            TeamEditResult<Team>.Saved saved => JsonBody.Ok(TeamResponse.From(saved.Team)),
            TeamEditResult<Team>.Invalid invalid => Problem.Validation(invalid.Errors),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
