using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.Core.Payments;

/// <summary>
/// A Stripe webhook delivery (<c>POST /api/payments/stripe/webhook</c>): checks its signature and timestamp
/// (<see cref="StripeSignature"/>, with <see cref="PaymentOptions.StripeWebhookSecret"/>), then applies
/// <c>checkout.session.completed</c> (paid: the booking is confirmed, or refunded if it stopped waiting) and
/// <c>checkout.session.expired</c> (the booking expires and frees its time). Other event types are acknowledged and
/// ignored. Every transition is conditional on the booking still waiting, so a replayed, duplicated or out-of-order
/// delivery is applied at most once; a completed session that is not yet <c>paid</c> (a delayed payment method) waits for
/// a later event.
/// </summary>
public sealed class ApplyStripeEvent(PendingBookings pending, PaymentOptions options, IClock clock)
{
    public async Task<StripeEventResult> ExecuteAsync(string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!options.StripeConfigured)
        {
            return new StripeEventResult.NotConfigured();
        }

        if (!StripeSignature.IsValid(signatureHeader, payload, options.StripeWebhookSecret, clock.GetCurrentInstant()))
        {
            return new StripeEventResult.BadSignature();
        }

        if (StripeEvent.TryParse(payload) is not { } stripeEvent)
        {
            return new StripeEventResult.Malformed();
        }

        if (stripeEvent is not { Booking: { } booking, SessionId: { } session })
        {
            return new StripeEventResult.Handled(PendingOutcome.Ignored);
        }

        try
        {
            var outcome = stripeEvent.Type switch
            {
                StripeEvent.CheckoutCompleted when stripeEvent is { PaymentStatus: "paid", PaymentIntentId: { } intent } =>
                    await pending.ApplyPaymentAsync(booking, session, intent, cancellationToken).ConfigureAwait(false),
                StripeEvent.CheckoutExpired => await pending.ExpireAsync(booking, session, asOf: null, cancellationToken).ConfigureAwait(false),
                _ => PendingOutcome.Ignored,
            };
            return new StripeEventResult.Handled(outcome);
        }
        catch (PaymentUnavailableException)
        {
            return new StripeEventResult.ProviderUnavailable();
        }
    }
}

public abstract record StripeEventResult
{
    private StripeEventResult()
    {
    }

    /// <summary>Applied (or found already applied, or not about a booking): Stripe should stop sending it.</summary>
    public sealed record Handled(PendingOutcome Outcome) : StripeEventResult;

    /// <summary>The signature does not match or its timestamp is too old: nothing was read.</summary>
    public sealed record BadSignature : StripeEventResult;

    public sealed record Malformed : StripeEventResult;

    /// <summary>Payments are off in this deployment.</summary>
    public sealed record NotConfigured : StripeEventResult;

    /// <summary>A refund the event called for could not be made now; Stripe delivers the event again later.</summary>
    public sealed record ProviderUnavailable : StripeEventResult;
}
