using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Privacy;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/erase</c> with <c>{ "email" }</c>: erases that client's personal data from every
/// booking of the host (see <see cref="ErasePersonalData"/>), at most <see cref="ErasePersonalData.MaxPerCall"/> per
/// call. 200 <c>{ erased, more }</c>.
/// </summary>
public sealed class EraseClient(AdminRoutes adminRoutes, ErasePersonalData erase)
{
    [Function(nameof(EraseClient))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/erase")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<EraseRequestBody>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await erase.EraseClientAsync(admin.Host, body.Value!.Email, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            EraseResult.Done done => JsonBody.Ok(new EraseResponse(done.Erased, done.More)),
            EraseResult.Invalid invalid => Problem.Validation(invalid.Errors),
            EraseResult.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}

/// <summary>Body of <c>POST /api/admin/hosts/{host}/erase</c>.</summary>
public sealed record EraseRequestBody(string? Email);

/// <summary>How many bookings were erased, and whether more match (call again).</summary>
public sealed record EraseResponse(int Erased, bool More);
