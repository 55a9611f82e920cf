using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/keys/rotate</c>: a new API key, shown once; the old key stops
/// working at once. The operator or the host itself may rotate.
/// </summary>
public sealed class RotateApiKey(AdminRoutes adminRoutes, RotateHostApiKey rotate)
{
    [Function(nameof(RotateApiKey))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/keys/rotate")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var key = await rotate.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false);
        return key is null ? Problem.NotFound("No host has that name.") : JsonBody.Ok(new { apiKey = key.Value });
    }
}
