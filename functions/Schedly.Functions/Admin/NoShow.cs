using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/no-show</c> marks a no-show (only once the start has
/// passed; emits <c>booking.no_show</c>); <c>DELETE</c> on the same route undoes it (emits <c>booking.no_show_cleared</c>).
/// </summary>
public sealed class NoShow(AdminRoutes adminRoutes, HostBookings hostBookings)
{
    [Function(nameof(NoShow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "api/admin/hosts/{host}/bookings/{id}/no-show")] HttpRequest request,
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

        var mark = HttpMethods.IsPost(request.Method);
        return ManageResults.ToHttp(await hostBookings.SetNoShowAsync(slug, id, mark, cancellationToken).ConfigureAwait(false));
    }
}
