using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Functions.Http;

namespace Schedly.Functions.Calendars;

/// <summary><c>DELETE /api/admin/hosts/{host}/calendars/{id}</c>: removes the feed and its busy time (204).</summary>
public sealed class DeleteCalendar(AdminRoutes adminRoutes, ManageCalendarFeeds calendars, IClock clock)
{
    [Function(nameof(DeleteCalendar))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/hosts/{host}/calendars/{id}")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var result = await calendars.DeleteAsync(admin.Host, id, cancellationToken).ConfigureAwait(false);
        return CalendarResults.ToHttp(result, clock.GetCurrentInstant(), "");
    }
}
