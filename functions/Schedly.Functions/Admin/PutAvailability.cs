using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/availability</c>: weekly hours, date overrides and blocked periods
/// in the host's zone, validated by the slot engine's rules; returns what was stored. Bookings
/// already made are not changed.
/// </summary>
public sealed class PutAvailability(AdminAccess access, EditHostSchedule editSchedule)
{
    [Function(nameof(PutAvailability))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/availability")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await access.DenyAsync(request, slug, operatorOnly: false, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var body = await JsonRequest.ReadAsync<AvailabilityDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var validated = body.Value!.Validate();
        if (!validated.IsValid)
        {
            return Problem.Validation(validated.Errors);
        }

        // Stored (and returned) with empty lists rather than nulls for the parts the host left out.
        var stored = body.Value with
        {
            Weekly = body.Value.Weekly ?? new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?>(),
            Overrides = body.Value.Overrides ?? [],
            Blocked = body.Value.Blocked ?? [],
        };
        var updated = await editSchedule.ExecuteAsync(slug!, schedule => schedule with { Availability = stored }, cancellationToken)
            .ConfigureAwait(false);
        return updated is null ? Problem.NotFound("No host has that name.") : JsonBody.Ok(updated.Schedule.Availability);
    }
}
