using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/approve</c>: the host confirms a <c>pendingApproval</c> booking (200 with
/// it, <c>booking.confirmed</c> to both sides); 409 <c>booking-not-pending</c> once it was answered, expired or cancelled.
/// </summary>
public sealed class ApproveBooking(AdminRoutes adminRoutes, PendingBookings pending)
{
    [Function(nameof(ApproveBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/{id}/approve")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        return admin.Allowed
            ? ManageResults.ToHttp(await pending.ApproveAsync(admin.Host, id, cancellationToken).ConfigureAwait(false))
            : admin.Problem;
    }
}
