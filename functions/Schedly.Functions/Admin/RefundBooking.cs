using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Payments;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/refund</c>: the host gives a paid booking's payment back in full (the
/// booking keeps its status; <c>booking.refunded</c> to the client). 409 <c>not-refundable</c> when it was not paid or was
/// refunded already; 503 <c>payment-unavailable</c> when Stripe does not answer.
/// </summary>
public sealed class RefundBooking(AdminRoutes adminRoutes, RefundPayments refunds)
{
    [Function(nameof(RefundBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/{id}/refund")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        return admin.Allowed
            ? ManageResults.ToHttp(await refunds.HostRefundAsync(admin.Host, id, cancellationToken).ConfigureAwait(false))
            : admin.Problem;
    }
}
