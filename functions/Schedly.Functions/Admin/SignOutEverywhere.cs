using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.SignIn;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/sessions/revoke</c>: signs the host out everywhere: every session begun until now
/// stops working at once (one conditional write on the host). The API key is not affected. The operator or the host.
/// </summary>
public sealed class SignOutEverywhere(AdminRoutes adminRoutes, HostSessions sessions)
{
    [Function(nameof(SignOutEverywhere))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/sessions/revoke")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        return await sessions.SignOutEverywhereAsync(admin.Host, cancellationToken).ConfigureAwait(false)
            ? new NoContentBody().WithHeader("Set-Cookie", SessionCookie.Clear(request))
            : Problem.NotFound("No host has that name.");
    }
}
