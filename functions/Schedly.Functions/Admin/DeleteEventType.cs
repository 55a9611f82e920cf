using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>DELETE /api/admin/hosts/{host}/event-types/{eventType}</c>: deactivates the event type. It
/// disappears from the public profile and offers no slots; existing bookings keep working.
/// </summary>
public sealed class DeleteEventType(AdminRoutes adminRoutes, EditHostSchedule editSchedule)
{
    [Function(nameof(DeleteEventType))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/hosts/{host}/event-types/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var result = await editSchedule.DeactivateEventTypeAsync(slug, eventType, cancellationToken).ConfigureAwait(false);
        return result is ScheduleEditResult<EventType>.Saved saved
            ? JsonBody.Ok(EventTypeResponse.From(saved.Value))
            : Problem.NotFound("No such host or event type.");
    }
}
