using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// What every public booking route does around its use case, for one host or a team: the rate limit, the
/// <c>Idempotency-Key</c> header (scoped to the host or team), the body, the proof of work, and the
/// <see cref="CreateBookingResult"/> mapped to 201 or a problem.
/// </summary>
public sealed class BookingRequestPipeline(PublicRateLimit rateLimit, ProofOfWorkGate proofOfWork)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>One booking request: the validated draft, its idempotency key and the body's hash go to <paramref name="book"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="rateScope">Whose per-host budget the request spends.</param>
    /// <param name="keyScope">The host or team the idempotency key is scoped to.</param>
    /// <param name="owner">"host" or "team", for the messages.</param>
    /// <param name="book">The use case.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IActionResult> RunAsync(
        HttpRequest request,
        string rateScope,
        string keyScope,
        string owner,
        Func<BookingRequestDraft, IdempotencyKey?, string, CancellationToken, Task<CreateBookingResult>> book,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        if (await rateLimit.CheckAddresseeAsync(request, RateLimitedAction.Write, rateScope, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var idempotencyHeader = request.Headers[IdempotencyKeyHeader].ToString();
        var idempotencyKey = IdempotencyKey.TryParse(keyScope, idempotencyHeader);
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
        var result = await book(draft, idempotencyKey, IdempotencyKey.HashRequest(body.Bytes), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            CreateBookingResult.Created created => Created(created),
            CreateBookingResult.Invalid invalid => Problem.Validation(invalid.Errors),
            CreateBookingResult.NotFound => Problem.NotFound($"No such {owner} or event type."),
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
