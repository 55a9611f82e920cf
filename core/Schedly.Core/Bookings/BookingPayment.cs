using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking's payment through the deployment's payment provider (Stripe Checkout): the session the client pays in
/// and, once the provider says so, when it was paid (and the payment's id, which a refund names) and refunded.
/// The amount is the booking's <see cref="Booking.Price"/>.
/// </summary>
public sealed record BookingPayment(string SessionId, Uri CheckoutUrl)
{
    /// <summary>The provider's id of the captured payment (a Stripe PaymentIntent); set with <see cref="PaidAt"/>.</summary>
    public string? PaymentIntentId { get; init; }

    public Instant? PaidAt { get; init; }

    public Instant? RefundedAt { get; init; }

    /// <summary>The provider's id of the refund.</summary>
    public string? RefundId { get; init; }

    /// <summary>True when the money came in and has not gone back.</summary>
    public bool IsRefundable => PaidAt is not null && RefundedAt is null && PaymentIntentId is not null;
}

/// <summary>How a new booking waits: for payment (with its checkout session) or for the host's answer, until <see cref="ExpiresAt"/>.</summary>
public sealed record PendingTerms(BookingStatus Status, Instant ExpiresAt, BookingPayment? Payment)
{
    public BookingStatus Status { get; } = BookingStatuses.IsPending(Status) ? Status : throw new ArgumentOutOfRangeException(nameof(Status), Status, "A pending status.");
}
