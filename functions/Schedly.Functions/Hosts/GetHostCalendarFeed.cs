using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts;

/// <summary>
/// <c>GET /api/hosts/{host}/calendar.ics?feed=…</c>: the host's bookings as a subscribable feed. The
/// feed token is in the URL because calendar apps cannot send headers (the one documented case);
/// request URLs are not logged.
/// </summary>
public sealed class GetHostCalendarFeed(HostCalendarFeed feed)
{
    [Function(nameof(GetHostCalendarFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hosts/{host}/calendar.ics")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var token = request.Query["feed"].ToString();
        if (token.Length == 0)
        {
            return Problem.Unauthorized("Add ?feed=<feed token> (issued by POST /api/admin/hosts/{host}/feed-token).");
        }

        var slug = HostRoute.Parse(host);
        var ics = slug is null ? null : await feed.RenderAsync(slug, token, cancellationToken).ConfigureAwait(false);
        return ics is null
            ? Problem.NotFound("No feed for that host and token.")
            : new TextBody(ics, "text/calendar; charset=utf-8").WithHeader("Content-Disposition", "inline; filename=\"schedly.ics\"");
    }
}
