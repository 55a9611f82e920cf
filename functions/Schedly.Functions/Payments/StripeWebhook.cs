using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Payments;
using Schedly.Functions.Http;

namespace Schedly.Functions.Payments;

/// <summary>
/// <c>POST /api/payments/stripe/webhook</c>: Stripe's events about checkouts (see <see cref="ApplyStripeEvent"/>). The raw
/// body (at most <see cref="MaxBytes"/>) is what the <c>Stripe-Signature</c> header signs. 200 once handled (also for an
/// event that changes nothing), 400 <c>invalid-signature</c> or <c>malformed-json</c>, 404 when payments are off, 503
/// <c>payment-unavailable</c> when a refund it calls for cannot be made now (Stripe retries).
/// </summary>
public sealed class StripeWebhook(ApplyStripeEvent apply)
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Stripe's events are a few kilobytes; a checkout session event is well below this.</summary>
    public const int MaxBytes = 256 * 1024;

    [Function(nameof(StripeWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/payments/stripe/webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new Problem(ProblemKind.PayloadTooLarge, $"At most {MaxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        string payload;
        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return new Problem(ProblemKind.MalformedJson, "The body is not UTF-8 text.");
        }

        var result = await apply.ExecuteAsync(payload, request.Headers[SignatureHeader].ToString(), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            StripeEventResult.Handled handled => JsonBody.Ok(new { received = true, outcome = handled.Outcome.ToString() }),
            StripeEventResult.BadSignature => new Problem(ProblemKind.InvalidSignature, "The Stripe-Signature header does not sign this body with the webhook secret, or its timestamp is more than 300 seconds away."),
            StripeEventResult.Malformed => new Problem(ProblemKind.MalformedJson, "The body is not a Stripe event."),
            StripeEventResult.NotConfigured => Problem.NotFound("Payments are not configured in this deployment."),
            StripeEventResult.ProviderUnavailable => Problem.PaymentUnavailable(),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
