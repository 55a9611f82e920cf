using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Functions.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Approvals;

/// <summary>
/// <c>POST /api/approvals/{id}/approve</c> and <c>POST /api/approvals/{id}/decline</c> (optional body <c>{ reason }</c>)
/// with <c>Authorization: Bearer &lt;approvalToken&gt;</c>: the buttons of the approval page. 200 with the booking; 409
/// <c>booking-not-pending</c> once the request was answered, expired or cancelled, so the link acts once.
/// </summary>
public sealed class AnswerApprovalRequest(ApprovalLinks approvals, PublicRateLimit rateLimit)
{
    [Function("ApproveByLink")]
    public Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/approvals/{id}/approve")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, id, (token, _) => approvals.ApproveAsync(id, token, cancellationToken), cancellationToken);

    [Function("DeclineByLink")]
    public Task<IActionResult> Decline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/approvals/{id}/decline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, id, (token, reason) => approvals.DeclineAsync(id, token, reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(HttpRequest request, string id, Func<string, string?, Task<ManageResult>> answer, CancellationToken cancellationToken)
    {
        var host = BookingId.TryParse(id, out var bookingId) ? bookingId.Host : null;
        if (await rateLimit.CheckAsync(request, RateLimitedAction.Write, host, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        return BearerToken.From(request) is { } token
            ? await ManageResults.WithReasonAsync(request, reason => answer(token, reason), cancellationToken).ConfigureAwait(false)
            : ApprovalResults.MissingToken();
    }
}
