using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Approvals;

/// <summary>
/// <c>GET /api/approvals/{id}</c> with <c>Authorization: Bearer &lt;approvalToken&gt;</c> (from the host's email): the
/// request as it stands, for the approval page. Reading never answers, so a mail scanner following the link changes nothing.
/// </summary>
public sealed class GetApprovalRequest(ApprovalLinks approvals, PublicRateLimit rateLimit)
{
    [Function(nameof(GetApprovalRequest))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/approvals/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var host = BookingId.TryParse(id, out var bookingId) ? bookingId.Host : null;
        if (await rateLimit.CheckAsync(request, RateLimitedAction.Write, host, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        if (BearerToken.From(request) is not { } token)
        {
            return ApprovalResults.MissingToken();
        }

        var booking = await approvals.FindAsync(id, token, cancellationToken).ConfigureAwait(false);
        return booking is null ? ManageResults.NotFound() : JsonBody.Ok(BookingResponse.From(booking));
    }
}
