using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Functions.Http;

namespace Schedly.Functions.Calendars;

/// <summary><c>GET /api/admin/hosts/{host}/calendars</c>: the host's feeds with status, last sync, busy count and error; addresses masked.</summary>
public sealed class ListCalendars(AdminRoutes adminRoutes, ManageCalendarFeeds calendars, IClock clock)
{
    [Function(nameof(ListCalendars))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}/calendars")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var list = await calendars.ListAsync(admin.Host, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            return Problem.NotFound("No host has that name.");
        }

        var now = clock.GetCurrentInstant();
        return JsonBody.Ok(new CalendarListResponse(list.Select(f => CalendarResponse.From(f, now)).ToList()));
    }
}
