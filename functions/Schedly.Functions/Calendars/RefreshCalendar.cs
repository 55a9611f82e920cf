using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Functions.Http;

namespace Schedly.Functions.Calendars;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/calendars/{id}/refresh</c>: queues a refresh now (200 with the feed as it stands; the
/// refresh itself runs in the background). 409 <c>calendar-unavailable</c> when the saved address cannot be read.
/// </summary>
public sealed class RefreshCalendar(AdminRoutes adminRoutes, ManageCalendarFeeds calendars, IClock clock)
{
    [Function(nameof(RefreshCalendar))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/calendars/{id}/refresh")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var result = await calendars.RefreshAsync(admin.Host, id, cancellationToken).ConfigureAwait(false);
        return CalendarResults.ToHttp(result, clock.GetCurrentInstant(), "");
    }
}
