using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Teams;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary>
/// <c>POST /api/teams/{team}/event-types/{eventType}/bookings</c>: as for one host (same body, <c>Idempotency-Key</c>,
/// proof of work, rate limit, answers); the booking carries <c>hosts</c>. Round-robin gives it to one free member
/// (the decision is stored with it); collective books every member or none (docs/TEAMS.md).
/// </summary>
public sealed class PostTeamBooking(BookTeam bookTeam, BookingRequestPipeline pipeline)
{
    [Function(nameof(PostTeamBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/teams/{team}/event-types/{eventType}/bookings")] HttpRequest request,
        string team,
        string eventType,
        CancellationToken cancellationToken)
    {
        if (!TeamSlug.TryParse(team, out var slug) || !HostRoute.IsSlug(eventType))
        {
            return Problem.NotFound("No such team or event type.");
        }

        return await pipeline.RunAsync(
            request,
            TeamRateScope.Of(slug),
            "team:" + slug.Value,
            "team",
            (draft, key, hash, ct) => bookTeam.ExecuteAsync(slug.Value, eventType, draft, key, hash, ct),
            cancellationToken).ConfigureAwait(false);
    }
}
