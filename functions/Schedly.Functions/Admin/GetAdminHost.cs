using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary><c>GET /api/admin/hosts/{host}</c>: the host's full configuration, for its dashboard.</summary>
public sealed class GetAdminHost(AdminRoutes adminRoutes, IHostRepository hosts)
{
    [Function(nameof(GetAdminHost))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var stored = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        return stored is null ? Problem.NotFound("No host has that name.") : JsonBody.Ok(AdminHostConfiguration.From(stored.Value));
    }
}
