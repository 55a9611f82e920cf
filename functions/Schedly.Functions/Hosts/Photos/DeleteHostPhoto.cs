using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts.Photos;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts.Photos;

/// <summary><c>DELETE /api/admin/hosts/{host}/photo</c>: removes the uploaded photo (204; also when there was none).</summary>
public sealed class DeleteHostPhoto(AdminRoutes adminRoutes, HostPhotos photos)
{
    [Function(nameof(DeleteHostPhoto))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/hosts/{host}/photo")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var changed = await photos.RemoveAsync(admin.Host, cancellationToken).ConfigureAwait(false);
        return changed is null ? Problem.NotFound("No host has that name.") : new NoContentBody();
    }
}
