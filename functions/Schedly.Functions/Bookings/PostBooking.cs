using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
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
public sealed class PostBooking(CreateBooking createBooking, PublicRateLimit rateLimit, ProofOfWorkGate proofOfWork)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

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

        if (await rateLimit.CheckAsync(request, RateLimitedAction.Write, slug, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var idempotencyHeader = request.Headers[IdempotencyKeyHeader].ToString();
        var idempotencyKey = IdempotencyKey.TryParse(slug.Value, idempotencyHeader);
        if (idempotencyHeader.Length > 0 && idempotencyKey is null)
        {
            return Problem.Validation(IdempotencyKeyHeader, $"1 to {IdempotencyKey.MaxLength} printable ASCII characters, such as a UUID.");
        }

        var body = await JsonRequest.ReadAsync<BookingRequestBody>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var b = body.Value!;
        if (await proofOfWork.CheckAsync(b.Altcha, idempotencyKey?.StorageId, cancellationToken).ConfigureAwait(false) is { } unproven)
        {
            return unproven;
        }

        var draft = new BookingRequestDraft(b.Start, b.Name, b.Email, b.TimeZone, b.Notes, AnswerJson.From(b.Answers)) { DurationMinutes = b.DurationMinutes, Locale = b.Locale };
        var result = await createBooking.ExecuteAsync(slug, eventType, draft, idempotencyKey, IdempotencyKey.HashRequest(body.Bytes), cancellationToken)
            .ConfigureAwait(false);
        return result switch
        {
            CreateBookingResult.Created created => Created(created),
            CreateBookingResult.Invalid invalid => Problem.Validation(invalid.Errors),
            CreateBookingResult.NotFound => Problem.NotFound("No such host or event type."),
            CreateBookingResult.SlotUnavailable => new Problem(ProblemKind.SlotUnavailable, "That time is not available (any more). Pick another slot."),
            CreateBookingResult.IdempotencyMismatch => new Problem(ProblemKind.IdempotencyMismatch, "This Idempotency-Key was already used with a different request body."),
            CreateBookingResult.PaymentUnavailable => Problem.PaymentUnavailable(),
            CreateBookingResult.ClientCapReached reached => new Problem(
                ProblemKind.PolicyViolation,
                $"This email address already has {reached.Cap} upcoming bookings with this host, the most one client may hold. Cancel one to book another."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    private static IActionResult Created(CreateBookingResult.Created created)
    {
        var response = JsonBody.Created(BookingResponse.From(created.Booking, created.ManageToken))
            .WithHeader("Location", $"/api/bookings/{created.Booking.Id.Value}");
        return created.Replayed ? response.WithHeader("Idempotent-Replayed", "true") : response;
    }
}
