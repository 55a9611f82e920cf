using NodaTime;
using Schedly.Core.Payments;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Bookings;

/// <summary>
/// Decides how a new booking waits (<see cref="PendingTerms"/>): for the host's answer when its event type
/// <see cref="EventType.RequiresApproval"/> (until <see cref="PaymentOptions.ApprovalExpiry"/>), for its payment when
/// the type is <see cref="EventType.PaymentRequired"/> (a checkout opened now for the chosen length's price, open a minute
/// beyond <see cref="PaymentOptions.CheckoutMinutes"/> so that the provider's clock running a little ahead of ours never
/// refuses it; the client returns to <paramref name="returnUrl"/>), or not at all.
/// </summary>
public sealed class PendingTermsPlanner(IPaymentGateway payments, PaymentOptions options, Uri returnUrl)
{
    public bool PaymentsConfigured => payments.IsConfigured;

    /// <summary>The terms for booking <paramref name="id"/>; null when it is confirmed at once. Throws <see cref="PaymentUnavailableException"/> when the checkout cannot be opened.</summary>
    public async Task<PendingTerms?> PlanAsync(BookingId id, EventType eventType, Instant start, ClientDetails client, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(client);
        if (eventType.RequiresApproval)
        {
            return new PendingTerms(BookingStatus.PendingApproval, options.ApprovalExpiry(start, now), Payment: null);
        }

        if (!eventType.PaymentRequired || eventType.Price is not { } price)
        {
            return null;
        }

        var expiresAt = now + options.CheckoutDuration + Duration.FromMinutes(1);
        var session = await payments.CreateCheckoutAsync(new CheckoutRequest(id, price, eventType.Title, client.Email, expiresAt, returnUrl), cancellationToken).ConfigureAwait(false);
        return new PendingTerms(BookingStatus.PendingPayment, session.ExpiresAt, new BookingPayment(session.Id, session.Url));
    }
}
