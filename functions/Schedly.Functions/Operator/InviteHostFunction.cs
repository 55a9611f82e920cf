using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.SignIn;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Operator;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/invite</c> (operator), body as <c>PUT /api/admin/hosts/{host}</c>: creates the host
/// (201) or updates its profile (200) and emails it a sign-in link at once (<see cref="InviteHost"/>). No API key is
/// shown: the host signs in by link, and may issue a key later for programs.
/// </summary>
public sealed class InviteHostFunction(AdminRoutes adminRoutes, InviteHost invite)
{
    [Function(nameof(InviteHost))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/invite")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        if (await adminRoutes.AuthorizeOperatorAsync(request, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        if (HostRoute.Parse(host) is not { } slug)
        {
            return Problem.Validation("host", HostSlug.Rule);
        }

        var body = await JsonRequest.ReadAsync<HostRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var draft = body.Value!.ToDraft();
        var result = await invite.ExecuteAsync(slug, draft, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            UpsertHostResult.Created created => JsonBody.Created(AdminHostResponse.From(created.Host)).WithHeader("Location", $"/api/admin/hosts/{slug.Value}"),
            UpsertHostResult.Updated updated => JsonBody.Ok(AdminHostResponse.From(updated.Host)),
            UpsertHostResult.Invalid invalid => Problem.Validation(invalid.Errors),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
