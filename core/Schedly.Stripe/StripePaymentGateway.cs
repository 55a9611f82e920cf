using NodaTime;
using Schedly.Core.Payments;
using Stripe;
using Stripe.Checkout;

namespace Schedly.Stripe;

/// <summary>
/// <see cref="IPaymentGateway"/> on Stripe through Stripe.net: a Checkout Session in payment mode per booking (one line
/// item at the booking's price, <c>client_reference_id</c> the booking id, <c>expires_at</c> as asked), its state, and
/// whole refunds of its PaymentIntent. Every create call carries the caller's idempotency key. The API base comes from
/// <see cref="PaymentOptions.StripeApiBase"/>, so tests and local runs talk to a fake on loopback with the same client.
/// Stripe's errors and network failures become <see cref="PaymentUnavailableException"/>, whose message never holds the key.
/// </summary>
public sealed class StripePaymentGateway : IPaymentGateway
{
    private readonly StripeClient? _client;

    public StripePaymentGateway(PaymentOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _client = options.StripeConfigured
            ? new StripeClient(new StripeClientOptions
            {
                ApiKey = options.StripeSecretKey,
                ApiBase = options.StripeApiBase.TrimEnd('/'),
                HttpClient = new SystemNetHttpClient(httpClient),
            })
            : null;
    }

    public bool IsConfigured => _client is not null;

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.Booking.Value,
            CustomerEmail = request.CustomerEmail,
            ExpiresAt = request.ExpiresAt.ToDateTimeUtc(),
            SuccessUrl = request.ReturnUrl.AbsoluteUri,
            CancelUrl = request.ReturnUrl.AbsoluteUri,
            Metadata = new Dictionary<string, string> { ["booking_id"] = request.Booking.Value },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Amount.Currency.ToLowerInvariant(),
                        UnitAmount = MinorUnits.Of(request.Amount),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
        };
        var session = await CallAsync(client => new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken))
            .ConfigureAwait(false);
        if (!Uri.TryCreate(session.Url, UriKind.Absolute, out var url))
        {
            throw new PaymentUnavailableException("Stripe returned a checkout session without a page URL.");
        }

        return new CheckoutSession(session.Id, url, Instant.FromDateTimeUtc(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
    }

    public async Task<CheckoutState> GetCheckoutAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var session = await CallAsync(client => new SessionService(client).GetAsync(sessionId, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var paid = session.PaymentStatus == "paid";
        return new CheckoutState(session.Id, paid, paid ? session.PaymentIntentId : null);
    }

    public async Task<string> RefundAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentIntentId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var refund = await CallAsync(client => new RefundService(client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = paymentIntentId },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken)).ConfigureAwait(false);
        return refund.Id;
    }

    private async Task<T> CallAsync<T>(Func<StripeClient, Task<T>> call)
    {
        if (_client is null)
        {
            throw new PaymentUnavailableException("Payments are not configured (Schedly:Payments:StripeSecretKey).");
        }

        try
        {
            return await call(_client).ConfigureAwait(false);
        }
        catch (StripeException e)
        {
            throw new PaymentUnavailableException($"Stripe refused the call: {e.StripeError?.Type ?? "error"} ({(int)e.HttpStatusCode}).", e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentUnavailableException("Stripe could not be reached.", e);
        }
    }
}
