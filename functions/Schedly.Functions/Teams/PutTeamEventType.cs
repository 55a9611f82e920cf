using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary>
/// <c>PUT /api/admin/teams/{team}/event-types/{eventType}</c> (operator): an event type (the fields of a host's) plus
/// <c>"assignment": "roundRobin" | "collective"</c>; 201 created, 200 replaced, 404 for an unknown team.
/// </summary>
public sealed class PutTeamEventType(OperatorRoutes operatorRoutes, EditTeams editTeams)
{
    [Function(nameof(PutTeamEventType))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/teams/{team}/event-types/{eventType}")] HttpRequest request,
        string team,
        string eventType,
        CancellationToken cancellationToken)
    {
        if (await operatorRoutes.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var body = await JsonRequest.ReadAsync<EventTypeDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await editTeams.PutEventTypeAsync(team, eventType, body.Value!, AssignmentOf(body.Bytes), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            TeamEditResult<TeamEventType>.Saved { Created: true } created => JsonBody.Created(TeamEventTypeJson.From(created.Value))
                .WithHeader("Location", $"/api/admin/teams/{created.Team.Slug.Value}/event-types/{eventType}"),
            TeamEditResult<TeamEventType>.Saved saved => JsonBody.Ok(TeamEventTypeJson.From(saved.Value)),
            TeamEditResult<TeamEventType>.Invalid invalid => Problem.Validation(invalid.Errors),
            TeamEditResult<TeamEventType>.NotFound => Problem.NotFound("No team has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    /// <summary>The body's <c>assignment</c> when it is a string (anything else reads as missing: a validation error).</summary>
    private static string? AssignmentOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ApiJson.Options.MaxDepth });
        return document.RootElement.TryGetProperty("assignment", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
