using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/event-types/{eventType}</c>: creates (201) or replaces (200) an event
/// type; the response has every default filled in. Existing bookings keep the time they claimed.
/// </summary>
public sealed class PutEventType(AdminRoutes adminRoutes, EditHostSchedule editSchedule)
{
    [Function(nameof(PutEventType))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/event-types/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<EventTypeDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await editSchedule.PutEventTypeAsync(admin.Host, eventType, body.Value!, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ScheduleEditResult<EventType>.Saved { Created: true } created => JsonBody.Created(EventTypeResponse.From(created.Value))
                .WithHeader("Location", $"/api/admin/hosts/{admin.Host.Value}/event-types/{eventType}"),
            ScheduleEditResult<EventType>.Saved saved => JsonBody.Ok(EventTypeResponse.From(saved.Value)),
            ScheduleEditResult<EventType>.Invalid invalid => Problem.Validation(invalid.Errors),
            ScheduleEditResult<EventType>.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
