using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// <c>POST /api/bookings/{id}/cancel</c> (optional body <c>{ reason }</c>): frees the time in the
/// same transaction that marks the booking cancelled. Cancelling again is a no-op 200.
/// </summary>
public sealed class CancelBooking(ManagedBookings bookings, PublicRateLimit rateLimit)
{
    [Function(nameof(CancelBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/bookings/{id}/cancel")] HttpRequest request,
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
            return ManageResults.MissingToken();
        }

        var body = await JsonRequest.ReadOptionalAsync(request, new CancelRequestBody(null), cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await bookings.CancelAsync(id, token, body.Value!.Reason, cancellationToken).ConfigureAwait(false);
        return ManageResults.ToHttp(result);
    }
}
