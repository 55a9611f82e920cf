using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/event-types/{eventType}</c>: creates (201) or replaces (200) an event
/// type; the response has every default filled in. Existing bookings keep the time they claimed.
/// </summary>
public sealed class PutEventType(AdminAccess access, EditHostSchedule editSchedule)
{
    [Function(nameof(PutEventType))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/event-types/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await access.DenyAsync(request, slug, operatorOnly: false, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        if (!HostRoute.IsSlug(eventType))
        {
            return Problem.Validation("eventType", "1 to 63 lowercase letters, digits and single hyphens, not starting or ending with a hyphen.");
        }

        var body = await JsonRequest.ReadAsync<EventTypeDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var validated = body.Value!.Validate();
        if (!validated.IsValid)
        {
            return Problem.Validation(validated.Errors);
        }

        var document = EventTypeDocuments.Normalize(validated.Value);
        var existed = false;
        var updated = await editSchedule.ExecuteAsync(
            slug!,
            schedule =>
            {
                existed = schedule.EventTypes.ContainsKey(eventType);
                return schedule.WithEventType(eventType, document);
            },
            cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return Problem.NotFound("No host has that name.");
        }

        return existed ? JsonBody.Ok(document) : JsonBody.Created(document).WithHeader("Location", $"/api/admin/hosts/{slug!.Value}/event-types/{eventType}");
    }
}
