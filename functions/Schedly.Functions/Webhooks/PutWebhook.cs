using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;
using Schedly.Core.Webhooks;
using Schedly.Functions.Http;

namespace Schedly.Functions.Webhooks;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/webhooks/{id}</c>: registers (201) or replaces (200) an endpoint from
/// <c>{ url, events, secret }</c>. The secret is required on creation (32+ characters) and kept when omitted on
/// replace; responses show it masked. Replacing re-enables a disabled endpoint and clears its failure record.
/// A URL another endpoint of the host has is 400 <c>validation</c>; a new endpoint over
/// <see cref="CapOptions.WebhooksPerHost"/> is 409 <c>policy-violation</c>.
/// </summary>
public sealed class PutWebhook(AdminRoutes adminRoutes, IHostRepository hosts, IWebhookStore webhooks, WebhookOptions options, CapOptions caps, IClock clock)
{
    [Function(nameof(PutWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/webhooks/{id}")] HttpRequest request,
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

        if (await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problem.NotFound("No host has that name.");
        }

        if (!WebhookEndpointDraft.IsValidId(id))
        {
            return Problem.Validation("id", "1 to 63 lowercase letters, digits and single hyphens, not starting or ending with a hyphen.");
        }

        var body = await JsonRequest.ReadAsync<WebhookEndpointDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var endpoints = await webhooks.ListAsync(slug.Value, cancellationToken).ConfigureAwait(false);
        var existing = endpoints.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
        var draft = body.Value!;
        var errors = draft.Validate(creating: existing is null, options.AllowPrivateAddresses, out var url);
        if (!errors.IsEmpty)
        {
            return Problem.Validation(errors);
        }

        switch (WebhookRegistration.Check(endpoints, id, url!, caps.WebhooksPerHost))
        {
            case WebhookRegistrationResult.DuplicateUrl duplicate:
                return Problem.Validation("url", $"The endpoint '{duplicate.OtherId}' already has this URL; change that endpoint instead.");
            case WebhookRegistrationResult.CapReached reached:
                return new Problem(ProblemKind.PolicyViolation, $"A host may have at most {reached.Cap} webhook endpoints. Delete one to add another.");
        }

        var now = clock.GetCurrentInstant();
        var endpoint = new WebhookEndpoint(slug.Value, id, url!, draft.Events!, draft.Secret ?? existing!.Secret, existing?.CreatedAt ?? now, now);
        var created = await webhooks.UpsertAsync(endpoint, cancellationToken).ConfigureAwait(false);
        var response = WebhookResponse.From(endpoint);
        return created
            ? JsonBody.Created(response).WithHeader("Location", $"/api/admin/hosts/{slug.Value}/webhooks/{id}")
            : JsonBody.Ok(response);
    }
}
