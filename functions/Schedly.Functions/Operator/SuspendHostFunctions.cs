using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Operator;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/suspend</c> and <c>…/reinstate</c> (operator): suspends a host (no sign-in by
/// link, sessions stop working, booking pages closed; see <see cref="SuspendHost"/>) or lifts it. 200 with the host's
/// list entry; 404 for no such host.
/// </summary>
public sealed class SuspendHostFunctions(AdminRoutes adminRoutes, SuspendHost suspend)
{
    [Function(nameof(SuspendHost))]
    public Task<IActionResult> Suspend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/suspend")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        SetAsync(request, host, suspended: true, cancellationToken);

    [Function("ReinstateHost")]
    public Task<IActionResult> Reinstate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/reinstate")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        SetAsync(request, host, suspended: false, cancellationToken);

    private async Task<IActionResult> SetAsync(HttpRequest request, string host, bool suspended, CancellationToken cancellationToken)
    {
        if (await adminRoutes.AuthorizeOperatorAsync(request, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var changed = HostRoute.Parse(host) is { } slug ? await suspend.ExecuteAsync(slug, suspended, cancellationToken).ConfigureAwait(false) : null;
        return changed is null
            ? Problem.NotFound("No host has that name.")
            : JsonBody.Ok(new HostListItem(changed.Slug.Value, changed.Profile.Name, changed.Profile.Email, changed.Suspended, changed.CreatedAt.ToString()));
    }
}
