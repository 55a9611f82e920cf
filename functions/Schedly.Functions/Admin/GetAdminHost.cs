using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary><c>GET /api/admin/hosts/{host}</c>: the host's full configuration, for its dashboard.</summary>
public sealed class GetAdminHost(AdminAccess access, IHostRepository hosts)
{
    [Function(nameof(GetAdminHost))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await access.DenyAsync(request, slug, operatorOnly: false, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var stored = await hosts.FindAsync(slug!, cancellationToken).ConfigureAwait(false);
        return stored is null ? Problem.NotFound("No host has that name.") : JsonBody.Ok(AdminHostConfiguration.From(stored.Value));
    }
}
