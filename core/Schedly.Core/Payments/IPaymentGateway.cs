using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Payments;

/// <summary>
/// The payment provider (Stripe in production and, in tests, a fake that speaks the same REST endpoints). Calls carry
/// idempotency keys derived from the booking, so a retried call never charges or refunds twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no provider is configured: paid bookings are then refused before anything is written.</summary>
    bool IsConfigured { get; }

    /// <summary>Opens a checkout for <paramref name="request"/>; throws <see cref="PaymentUnavailableException"/> when the provider fails.</summary>
    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Whether session <paramref name="sessionId"/> was paid, and by which payment; throws <see cref="PaymentUnavailableException"/> when the provider fails.</summary>
    Task<CheckoutState> GetCheckoutAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Refunds the whole payment <paramref name="paymentIntentId"/>; returns the refund's id. Throws <see cref="PaymentUnavailableException"/> when the provider fails.</summary>
    Task<string> RefundAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>What a checkout sells: booking <paramref name="Booking"/> at <paramref name="Amount"/>, described for the payer, open until <paramref name="ExpiresAt"/>.</summary>
public sealed record CheckoutRequest(BookingId Booking, Price Amount, string Description, string CustomerEmail, Instant ExpiresAt, Uri ReturnUrl)
{
    /// <summary>The idempotency key of the checkout's creation: one session per booking, however often the call is retried.</summary>
    public string IdempotencyKey => "schedly-checkout-" + Booking.Value;
}

/// <summary>What became of a checkout: <paramref name="PaymentIntentId"/> is set once it is paid.</summary>
public sealed record CheckoutState(string SessionId, bool Paid, string? PaymentIntentId);

/// <summary>An open checkout: the provider's session id, the page the client pays on, and when it closes.</summary>
public sealed record CheckoutSession(string Id, Uri Url, Instant ExpiresAt);

/// <summary>The payment provider is not configured, refused the call or could not be reached; nothing was charged or refunded.</summary>
public sealed class PaymentUnavailableException : Exception
{
    public PaymentUnavailableException()
    {
    }

    public PaymentUnavailableException(string message)
        : base(message)
    {
    }

    public PaymentUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
