using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/availability</c>: weekly hours, date overrides and blocked periods
/// in the host's zone, validated by the slot engine's rules; returns what was stored (every weekday
/// listed, closed days empty). Bookings already made are not changed.
/// </summary>
public sealed class PutAvailability(AdminRoutes adminRoutes, EditHostSchedule editSchedule)
{
    [Function(nameof(PutAvailability))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/availability")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<AvailabilityDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await editSchedule.SetAvailabilityAsync(admin.Host, body.Value!, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ScheduleEditResult<Availability>.Saved saved => JsonBody.Ok(AvailabilityResponse.From(saved.Value)),
            ScheduleEditResult<Availability>.Invalid invalid => Problem.Validation(invalid.Errors),
            ScheduleEditResult<Availability>.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
