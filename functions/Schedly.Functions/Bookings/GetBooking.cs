using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary><c>GET /api/bookings/{id}</c> with <c>Authorization: Bearer &lt;manageToken&gt;</c>.</summary>
public sealed class GetBooking(ManagedBookings bookings)
{
    [Function(nameof(GetBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/bookings/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (BearerToken.From(request) is not { } token)
        {
            return ManageResults.MissingToken();
        }

        var booking = await bookings.FindAsync(id, token, cancellationToken).ConfigureAwait(false);
        return booking is null ? ManageResults.NotFound() : JsonBody.Ok(BookingResponse.From(booking.Value));
    }
}
