using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>GET /api/admin/hosts/{host}/bookings?start=&amp;end=&amp;status=&amp;email=&amp;pageSize=&amp;continuationToken=</c>:
/// the host's bookings sorted by start (host-local dates, both inclusive; statuses comma-separated; part of the
/// client's email), with client, answers and price, one page at a time; <c>sessions</c> groups the seats of each
/// session of a seated event type on the page.
/// </summary>
public sealed class ListHostBookings(AdminRoutes adminRoutes, HostBookings hostBookings)
{
    [Function(nameof(ListHostBookings))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}/bookings")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var query = request.Query;
        var draft = new BookingListDraft(
            query["start"].FirstOrDefault(),
            query["end"].FirstOrDefault(),
            query["status"].FirstOrDefault(),
            query["pageSize"].FirstOrDefault(),
            query["continuationToken"].FirstOrDefault(),
            query["email"].FirstOrDefault());
        var result = await hostBookings.ListAsync(slug, draft, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            HostBookingsResult.Page page => JsonBody.Ok(new
            {
                bookings = page.Bookings.Bookings.Select(BookingResponse.ForHost).ToList(),
                continuationToken = page.Bookings.ContinuationToken,
                sessions = page.Sessions.Select(s => new
                {
                    eventType = s.EventType,
                    start = s.Start.ToString(),
                    end = s.End.ToString(),
                    seats = s.Seats,
                    seatsTaken = s.Bookings.Count,
                    bookings = s.Bookings.Select(id => id.Value).ToList(),
                }).ToList(),
            }),
            HostBookingsResult.Invalid invalid => Problem.Validation(invalid.Errors),
            HostBookingsResult.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
