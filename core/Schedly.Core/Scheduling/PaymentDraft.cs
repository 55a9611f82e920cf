namespace Schedly.Core.Scheduling;

/// <summary>An event type's payment settings as sent: <c>{ "required": true }</c> to be paid at booking time (Stripe Checkout).</summary>
public sealed record PaymentDraft(bool? Required);
