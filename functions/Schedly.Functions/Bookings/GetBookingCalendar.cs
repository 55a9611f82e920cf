using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// <c>GET /api/bookings/{id}/calendar.ics?token=…</c>: the booking as an iCalendar file. The token
/// rides in the query string because calendar apps and download links cannot send headers; it is
/// the one documented place a token appears in a URL, and request URLs are not logged.
/// </summary>
public sealed class GetBookingCalendar(ExportBookingCalendar exportCalendar)
{
    [Function(nameof(GetBookingCalendar))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/bookings/{id}/calendar.ics")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        if (token.Length == 0)
        {
            return Problem.Unauthorized("Add ?token=<manageToken> (from the booking's confirmation).");
        }

        var ics = await exportCalendar.ExecuteAsync(id, token, cancellationToken).ConfigureAwait(false);
        return ics is null
            ? ManageResults.NotFound()
            : new TextBody(ics, "text/calendar; charset=utf-8").WithHeader("Content-Disposition", "attachment; filename=\"booking.ics\"");
    }
}
