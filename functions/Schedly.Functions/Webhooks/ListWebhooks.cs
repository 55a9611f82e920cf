using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Webhooks;
using Schedly.Functions.Http;

namespace Schedly.Functions.Webhooks;

/// <summary><c>GET /api/admin/hosts/{host}/webhooks</c>: the host's endpoints with their delivery status, secrets masked.</summary>
public sealed class ListWebhooks(AdminRoutes adminRoutes, IWebhookStore webhooks)
{
    [Function(nameof(ListWebhooks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}/webhooks")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var list = await webhooks.ListAsync(slug.Value, cancellationToken).ConfigureAwait(false);
        return JsonBody.Ok(new WebhookListResponse(list.OrderBy(w => w.Id, StringComparer.Ordinal).Select(WebhookResponse.From).ToList()));
    }
}
