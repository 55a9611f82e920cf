using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Webhooks;
using Schedly.Functions.Http;

namespace Schedly.Functions.Webhooks;

/// <summary><c>DELETE /api/admin/hosts/{host}/webhooks/{id}</c>: removes the endpoint (204); deliveries still queued for it are dropped.</summary>
public sealed class DeleteWebhook(AdminRoutes adminRoutes, IWebhookStore webhooks)
{
    [Function(nameof(DeleteWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/hosts/{host}/webhooks/{id}")] HttpRequest request,
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

        if (!WebhookEndpointDraft.IsValidId(id) || await webhooks.FindAsync(slug.Value, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problem.NotFound("No such webhook.");
        }

        await webhooks.DeleteAsync(slug.Value, id, cancellationToken).ConfigureAwait(false);
        return new NoContentBody();
    }
}
