using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Core.Security;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/{id}/no-show</c> marks a no-show (only once the start has
/// passed; emits <c>booking.no_show</c>); <c>DELETE</c> on the same route undoes it.
/// </summary>
public sealed class NoShow(AdminAccess access, HostBookings hostBookings)
{
    [Function(nameof(NoShow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "api/admin/hosts/{host}/bookings/{id}/no-show")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await access.DenyAsync(request, slug, operatorOnly: false, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var mark = HttpMethods.IsPost(request.Method);
        return ManageResults.ToHttp(await hostBookings.SetNoShowAsync(slug!, id, mark, cancellationToken).ConfigureAwait(false));
    }
}
