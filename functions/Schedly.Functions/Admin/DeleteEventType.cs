using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>DELETE /api/admin/hosts/{host}/event-types/{eventType}</c>: deactivates the event type. It
/// disappears from the public profile and offers no slots; existing bookings keep working.
/// </summary>
public sealed class DeleteEventType(AdminAccess access, EditHostSchedule editSchedule)
{
    [Function(nameof(DeleteEventType))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/hosts/{host}/event-types/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await access.DenyAsync(request, slug, operatorOnly: false, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var found = false;
        var updated = await editSchedule.ExecuteAsync(
            slug!,
            schedule =>
            {
                found = schedule.EventTypes.TryGetValue(eventType, out var draft);
                return found ? schedule.WithEventType(eventType, draft! with { Active = false }) : schedule;
            },
            cancellationToken).ConfigureAwait(false);
        return updated is null || !found
            ? Problem.NotFound("No such host or event type.")
            : JsonBody.Ok(updated.Schedule.EventTypes[eventType]);
    }
}
