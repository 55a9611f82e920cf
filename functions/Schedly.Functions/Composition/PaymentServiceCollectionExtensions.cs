using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Schedly.Core.Bookings;
using Schedly.Core.Payments;
using Schedly.Stripe;

namespace Schedly.Functions.Composition;

/// <summary>
/// Pending bookings and payments: <see cref="PaymentOptions"/> from <c>Schedly:Payments</c> (docs/PAYMENTS.md), the
/// Stripe gateway, the pending transitions, refunds and the Stripe webhook's use case.
/// </summary>
public static class PaymentServiceCollectionExtensions
{
    /// <summary>Stripe calls give up after this long (Stripe.net retries a failed call twice within it).</summary>
    public static readonly TimeSpan StripeTimeout = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddSchedlyPayments(this IServiceCollection services)
    {
        services.AddValidatedOptions<PaymentOptions>(PaymentOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PaymentOptions>>().Value);
        services.AddSingleton<IPaymentGateway>(provider => new StripePaymentGateway(
            provider.GetRequiredService<PaymentOptions>(),
            new HttpClient { Timeout = StripeTimeout }));
        services.AddSingleton(provider => new PendingTermsPlanner(
            provider.GetRequiredService<IPaymentGateway>(),
            provider.GetRequiredService<PaymentOptions>(),
            new Uri(provider.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUri, "manage?payment=done")));
        services.AddSingleton<PendingBookings>();
        services.AddSingleton<ApprovalLinks>();
        services.AddSingleton<ExpirePendingBookings>();
        services.AddSingleton<RefundPayments>();
        services.AddSingleton<ApplyStripeEvent>();
        return services;
    }
}
