using System.Text.Json;
using Schedly.Core.Bookings;

namespace Schedly.Core.Payments;

/// <summary>
/// The part of a Stripe webhook event Schedly acts on: its id and type and, for a Checkout Session event, the session's
/// id, the booking it was opened for (<c>client_reference_id</c>) and the captured payment (<c>payment_intent</c>).
/// </summary>
public sealed record StripeEvent(string Id, string Type, string? SessionId, BookingId? Booking, string? PaymentIntentId, string? PaymentStatus)
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string CheckoutExpired = "checkout.session.expired";

    /// <summary>The event in <paramref name="json"/>, or null when it is not a Stripe event object.</summary>
    public static StripeEvent? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { } id || Text(root, "type") is not { } type)
            {
                return null;
            }

            var session = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object
                && Text(obj, "object") == "checkout.session"
                    ? obj
                    : (JsonElement?)null;
            if (session is not { } s)
            {
                return new StripeEvent(id, type, null, null, null, null);
            }

            var booking = BookingId.TryParse(Text(s, "client_reference_id"), out var parsed) ? parsed : null;
            return new StripeEvent(id, type, Text(s, "id"), booking, Text(s, "payment_intent"), Text(s, "payment_status"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
