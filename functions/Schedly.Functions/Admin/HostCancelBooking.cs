using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/cancel</c> with optional <c>{ reason }</c>: the host
/// cancels; the time is freed and the client is notified through the outbox.
/// </summary>
public sealed class HostCancelBooking(AdminRoutes adminRoutes, HostBookings hostBookings)
{
    [Function(nameof(HostCancelBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/{id}/cancel")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        return await ManageResults.WithReasonAsync(request, reason => hostBookings.CancelAsync(slug, id, reason, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
