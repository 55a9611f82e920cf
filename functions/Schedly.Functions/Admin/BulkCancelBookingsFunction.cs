using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/cancel</c> with <c>{ "email" }</c> or <c>{ "from", "to" }</c> and an optional
/// <c>reason</c>: cancels the matching upcoming bookings, each with its own notice, at most
/// <see cref="BulkCancelBookings.MaxPerCall"/> per call. 200 <c>{ matched, cancelled, more }</c>.
/// </summary>
public sealed class BulkCancelBookingsFunction(AdminRoutes adminRoutes, BulkCancelBookings bulkCancel)
{
    [Function("BulkCancelBookings")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/hosts/{host}/bookings/cancel")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<BulkCancelRequestBody>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var b = body.Value!;
        var result = await bulkCancel.ExecuteAsync(admin.Host, new BulkCancelDraft(b.Email, b.From, b.To, b.Reason), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            BulkCancelResult.Done done => JsonBody.Ok(new BulkCancelResponse(done.Matched, done.Cancelled, done.More)),
            BulkCancelResult.Invalid invalid => Problem.Validation(invalid.Errors),
            BulkCancelResult.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}

/// <summary>Body of <c>POST /api/admin/hosts/{host}/bookings/cancel</c>.</summary>
public sealed record BulkCancelRequestBody(string? Email, string? From, string? To, string? Reason);

/// <summary>What a bulk cancel did: bookings matched, cancelled now, and whether more match (call again).</summary>
public sealed record BulkCancelResponse(int Matched, int Cancelled, bool More);
