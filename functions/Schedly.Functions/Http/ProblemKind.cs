using Microsoft.AspNetCore.Http;

namespace Schedly.Functions.Http;

/// <summary>
/// The stable kinds of error the API returns. Each has a fixed <c>type</c> URI (RFC 9457), a
/// title and an HTTP status; clients switch on the type, never on the title or detail.
/// </summary>
public sealed record ProblemKind(string Slug, string Title, int Status)
{
    public const string TypeBase = "https://schedly.dev/problems/";

    public string Type => TypeBase + Slug;

    public static readonly ProblemKind Validation = new("validation", "The request is not valid.", StatusCodes.Status400BadRequest);
    public static readonly ProblemKind MalformedJson = new("malformed-json", "The request body is not valid JSON.", StatusCodes.Status400BadRequest);
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", "The request body must be JSON.", StatusCodes.Status415UnsupportedMediaType);
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", "The request body is too large.", StatusCodes.Status413PayloadTooLarge);
    public static readonly ProblemKind Unauthorized = new("unauthorized", "A valid key is required.", StatusCodes.Status401Unauthorized);
    public static readonly ProblemKind Forbidden = new("forbidden", "This key may not do that.", StatusCodes.Status403Forbidden);
    public static readonly ProblemKind NotFound = new("not-found", "Not found.", StatusCodes.Status404NotFound);
    public static readonly ProblemKind HostSuspended = new("host-suspended", "This booking page is closed.", StatusCodes.Status404NotFound);
    public static readonly ProblemKind SlotUnavailable = new("slot-unavailable", "That time is no longer available.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind CollectiveNotMovable = new("collective-not-movable", "A meeting with the whole team cannot be moved.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind BookingCancelled = new("booking-cancelled", "The booking is cancelled.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind BookingNotStarted = new("booking-not-started", "The meeting has not started yet.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind IdempotencyMismatch = new("idempotency-mismatch", "The Idempotency-Key was used with a different request.", StatusCodes.Status422UnprocessableEntity);
    public static readonly ProblemKind CalendarUnavailable = new("calendar-unavailable", "The calendar cannot be read.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind PolicyViolation = new("policy-violation", "The request breaks a limit of this service.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind ProofOfWorkRequired = new("proof-of-work-required", "A solved proof-of-work challenge is required.", StatusCodes.Status403Forbidden);
    public static readonly ProblemKind ProofOfWorkReplayed = new("proof-of-work-replayed", "This proof-of-work solution was already used.", StatusCodes.Status403Forbidden);
    public static readonly ProblemKind RateLimited = new("rate-limited", "Too many requests.", StatusCodes.Status429TooManyRequests);
    public static readonly ProblemKind PaymentUnavailable = new("payment-unavailable", "Payments are unavailable.", StatusCodes.Status503ServiceUnavailable);
    public static readonly ProblemKind BookingPending = new("booking-pending", "The booking is waiting for payment or the host's answer.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind BookingNotPending = new("booking-not-pending", "The booking no longer waits for an answer.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind NotRefundable = new("not-refundable", "The booking has no payment to refund.", StatusCodes.Status409Conflict);
    public static readonly ProblemKind InvalidSignature = new("invalid-signature", "The signature is missing, wrong or too old.", StatusCodes.Status400BadRequest);
    public static readonly ProblemKind StorageUnavailable = new("storage-unavailable", "Storage is unavailable; try again shortly.", StatusCodes.Status503ServiceUnavailable);
    public static readonly ProblemKind Internal = new("internal-error", "Something went wrong on our side.", StatusCodes.Status500InternalServerError);
}
