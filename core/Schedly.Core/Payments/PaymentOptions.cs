using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Payments;

/// <summary>
/// Payments and pending bookings, bound from <c>Schedly:Payments</c> (app settings <c>Schedly__Payments__*</c>); see
/// docs/PAYMENTS.md. <see cref="Validate"/> runs at start-up. Without <see cref="StripeSecretKey"/> payments are off:
/// an event type may still require payment, but booking it answers 503 <c>payment-unavailable</c>.
/// </summary>
public sealed class PaymentOptions : IValidatableOptions
{
    public const string Section = "Schedly:Payments";

    /// <summary>Stripe's own minimum for a Checkout Session's <c>expires_at</c>.</summary>
    public const int MinCheckoutMinutes = 30;

    /// <summary>The Stripe secret key (<c>sk_test_…</c> or <c>sk_live_…</c>, or a restricted <c>rk_…</c> key); a Key Vault reference in Azure. Empty: payments off.</summary>
    public string StripeSecretKey { get; set; } = "";

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>); required with <see cref="StripeSecretKey"/>.</summary>
    public string StripeWebhookSecret { get; set; } = "";

    /// <summary>Where Stripe's API is: default <c>https://api.stripe.com</c>; tests point it at a fake on loopback.</summary>
    public string StripeApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>How long a client has to pay, in minutes: 30 (Stripe's minimum, the default) to 1440.</summary>
    public int CheckoutMinutes { get; set; } = MinCheckoutMinutes;

    /// <summary>The longest a request waits for the host's answer, in hours (1..720, default 72).</summary>
    public int ApprovalMaxWaitHours { get; set; } = 72;

    /// <summary>An unanswered request expires at the latest this many minutes before its start (0..10080, default 60).</summary>
    public int ApprovalMarginMinutes { get; set; } = 60;

    public bool StripeConfigured => !string.IsNullOrWhiteSpace(StripeSecretKey);

    public Duration CheckoutDuration => Duration.FromMinutes(CheckoutMinutes);

    /// <summary>
    /// When a request for <paramref name="start"/> made at <paramref name="now"/> expires unanswered: the earlier of
    /// <see cref="ApprovalMaxWaitHours"/> after it is made and <see cref="ApprovalMarginMinutes"/> before its start, where
    /// the margin never brings it before half the time to its start (a request made close to its start still gets a
    /// chance). After <paramref name="now"/> and at or before the start whenever the start is after now.
    /// </summary>
    public Instant ApprovalExpiry(Instant start, Instant now)
    {
        var halfway = now + ((start - now) / 2);
        var beforeStart = Instant.Max(start - Duration.FromMinutes(ApprovalMarginMinutes), halfway);
        var expiry = Instant.Min(now + Duration.FromHours(ApprovalMaxWaitHours), beforeStart);
        return expiry > now ? expiry : now + Duration.FromMinutes(1);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StripeConfigured && string.IsNullOrWhiteSpace(StripeWebhookSecret))
        {
            errors.Add($"{Section}:StripeWebhookSecret is required with StripeSecretKey (the webhook endpoint's signing secret, whsec_…).");
        }

        if (!Uri.TryCreate(StripeApiBase, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && !api.IsLoopback))
        {
            errors.Add($"{Section}:StripeApiBase must be an absolute https URL (http only on loopback).");
        }

        if (CheckoutMinutes is < MinCheckoutMinutes or > 1440)
        {
            errors.Add($"{Section}:CheckoutMinutes must be in [{MinCheckoutMinutes}, 1440].");
        }

        if (ApprovalMaxWaitHours is < 1 or > 720)
        {
            errors.Add($"{Section}:ApprovalMaxWaitHours must be in [1, 720].");
        }

        if (ApprovalMarginMinutes is < 0 or > 10080)
        {
            errors.Add($"{Section}:ApprovalMarginMinutes must be in [0, 10080].");
        }

        return errors;
    }
}
