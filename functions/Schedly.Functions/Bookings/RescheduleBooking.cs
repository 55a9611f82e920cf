using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// <c>POST /api/bookings/{id}/reschedule</c> with <c>{ start }</c>: frees the old time and claims the
/// new in one transaction. 409 <c>slot-unavailable</c> leaves the booking untouched; a cancelled
/// booking gets 409 <c>booking-cancelled</c>.
/// </summary>
public sealed class RescheduleBooking(ManagedBookings bookings, PublicRateLimit rateLimit)
{
    [Function(nameof(RescheduleBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/bookings/{id}/reschedule")] HttpRequest request,
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

        var body = await JsonRequest.ReadAsync<RescheduleRequestBody>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await bookings.RescheduleAsync(id, token, body.Value!.Start, cancellationToken).ConfigureAwait(false);
        return ManageResults.ToHttp(result);
    }
}
