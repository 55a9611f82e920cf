using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}</c>: the operator creates a host (201, its API key shown once)
/// or updates it (200); a host may update its own profile with its key.
/// </summary>
public sealed class PutHost(AdminRoutes adminRoutes, UpsertHost upsertHost)
{
    [Function(nameof(PutHost))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        var denied = await adminRoutes.AuthorizeAsync(request, slug, cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (slug is null)
        {
            return Problem.Validation("host", HostSlug.Rule);
        }

        var body = await JsonRequest.ReadAsync<HostRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var draft = body.Value!.ToDraft();
        var result = await upsertHost.ExecuteAsync(slug, draft, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            UpsertHostResult.Created created => JsonBody.Created(AdminHostResponse.From(created.Host, created.ApiKey.Value))
                .WithHeader("Location", $"/api/admin/hosts/{slug.Value}"),
            UpsertHostResult.Updated updated => JsonBody.Ok(AdminHostResponse.From(updated.Host)),
            UpsertHostResult.Invalid invalid => Problem.Validation(invalid.Errors),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
