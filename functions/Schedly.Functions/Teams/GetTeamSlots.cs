using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;
using Schedly.Functions.Http;
using Schedly.Functions.Slots;

namespace Schedly.Functions.Teams;

/// <summary>
/// <c>GET /api/teams/{team}/event-types/{eventType}/slots?start=&amp;end=&amp;timeZone=</c>: as for one host; a
/// round-robin type offers the times any member is free, a collective one the times every member is free; with
/// <c>&amp;host={member}</c>, only that member's times (a host that is not a member: 400 <c>validation</c>).
/// Rate-limited as the host slot query is, per client and per team.
/// </summary>
public sealed class GetTeamSlots(ListTeamSlots listTeamSlots, PublicRateLimit rateLimit)
{
    [Function(nameof(GetTeamSlots))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/teams/{team}/event-types/{eventType}/slots")] HttpRequest request,
        string team,
        string eventType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TeamSlug.TryParse(team, out var slug)
            && await rateLimit.CheckAddresseeAsync(request, Core.Abuse.RateLimitedAction.SlotQuery, TeamRateScope.Of(slug), cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var query = new SlotQueryDraft(GetSlots.Single(request, "start"), GetSlots.Single(request, "end"), GetSlots.Single(request, "timeZone"));
        var result = await listTeamSlots.ExecuteAsync(team, eventType, query, GetSlots.Single(request, "durationMinutes"), GetSlots.Single(request, "host"), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ListSlotsResult.Found found => JsonBody.Ok(SlotsResponse.From(found.Days)),
            ListSlotsResult.Invalid invalid => Problem.Validation(invalid.Errors),
            ListSlotsResult.NotFound => Problem.NotFound("No such team or event type."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
