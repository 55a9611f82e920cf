using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// <c>POST /api/hosts/{host}/event-types/{eventType}/bookings</c>: books a slot. 201 with the
/// booking and its one-time manage token; 409 <c>slot-unavailable</c> when the time is gone. With an
/// <c>Idempotency-Key</c>, a repeat of the same request returns the first result
/// (<c>Idempotent-Replayed: true</c>) and a different request with the same key is 422. When proof of work is on, the
/// body's <c>altcha</c> must solve a fresh challenge (403 <c>proof-of-work-required</c> or <c>proof-of-work-replayed</c>);
/// a retry with the same <c>Idempotency-Key</c> may send the same solution again.
/// </summary>
public sealed class PostBooking(CreateBooking createBooking, BookingRequestPipeline pipeline)
{
    public const string IdempotencyKeyHeader = BookingRequestPipeline.IdempotencyKeyHeader;

    [Function(nameof(PostBooking))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/hosts/{host}/event-types/{eventType}/bookings")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (slug is null || !HostRoute.IsSlug(eventType))
        {
            return Problem.NotFound("No such host or event type.");
        }

        return await pipeline.RunAsync(
            request,
            slug.Value,
            slug.Value,
            "host",
            (draft, key, hash, ct) => createBooking.ExecuteAsync(slug, eventType, draft, key, hash, ct),
            cancellationToken).ConfigureAwait(false);
    }
}
