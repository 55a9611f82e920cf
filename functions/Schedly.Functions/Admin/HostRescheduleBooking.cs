using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/reschedule</c> with <c>{ start }</c>: the host moves a booking to
/// another free slot of its type (the client's reschedule path, without the client's change policy). 200 with the
/// moved booking; 409 <c>slot-unavailable</c>, <c>booking-cancelled</c> or <c>booking-pending</c>.
/// </summary>
public sealed class HostRescheduleBooking(AdminRoutes adminRoutes, HostBookings hostBookings)
{
    [Function(nameof(HostRescheduleBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/{id}/reschedule")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<RescheduleRequestBody>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await hostBookings.RescheduleAsync(admin.Host, id, body.Value!.Start, cancellationToken).ConfigureAwait(false);
        return ManageResults.ToHttp(result);
    }
}
