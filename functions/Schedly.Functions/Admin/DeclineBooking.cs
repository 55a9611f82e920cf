using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/decline</c> with optional <c>{ reason }</c>: the host declines a
/// <c>pendingApproval</c> booking, freeing its time (<c>booking.declined</c> to both sides); 409
/// <c>booking-not-pending</c> once it was answered, expired or cancelled.
/// </summary>
public sealed class DeclineBooking(AdminRoutes adminRoutes, PendingBookings pending)
{
    [Function(nameof(DeclineBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/{id}/decline")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        return await ManageResults.WithReasonAsync(request, reason => pending.DeclineAsync(admin.Host, id, reason, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
