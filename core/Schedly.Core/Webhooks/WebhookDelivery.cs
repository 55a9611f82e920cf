using System.Text.Json;
using Schedly.Core.Notifications;

namespace Schedly.Core.Webhooks;

/// <summary>
/// One delivery of one event to one endpoint, as a <c>webhooks</c> queue message. <see cref="DeliveryId"/> is
/// <c>{eventId}.{endpointId}</c>. <see cref="Attempt"/> counts failed attempts so far (0 on the first send); a failed
/// attempt re-sends the message with <see cref="Attempt"/> + 1 and a visibility delay that doubles per attempt.
/// <code>
/// { "deliveryId": "…-created-0.crm", "endpointId": "crm", "attempt": 0, "eventId": "…-created-0",
///   "type": "booking.created", "occurredAt": "…Z", "host": "ada", "bookingId": "ada--…", "eventType": "intro",
///   "sequence": 0, "start": "…Z", "end": "…Z", "previousStart": null, "previousEnd": null }
/// </code>
/// </summary>
public sealed record WebhookDelivery(
    string DeliveryId,
    string EndpointId,
    int Attempt,
    string EventId,
    string Type,
    string OccurredAt,
    string Host,
    string BookingId,
    string EventType,
    int Sequence,
    string Start,
    string End,
    string? PreviousStart,
    string? PreviousEnd)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static WebhookDelivery For(PublishedBookingEvent e, string endpointId)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrEmpty(endpointId);
        return new WebhookDelivery($"{e.EventId}.{endpointId}", endpointId, 0, e.EventId, e.Type, e.OccurredAt, e.Host, e.BookingId, e.EventType, e.Sequence, e.Start, e.End, e.PreviousStart, e.PreviousEnd);
    }

    public PublishedBookingEvent Event => new(EventId, Type, OccurredAt, Host, BookingId, EventType, Sequence, Start, End, PreviousStart, PreviousEnd);

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static WebhookDelivery? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var parsed = JsonSerializer.Deserialize<WebhookDelivery>(json, _json);
            return parsed is null || string.IsNullOrEmpty(parsed.DeliveryId) || string.IsNullOrEmpty(parsed.EndpointId)
                || string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.BookingId) || parsed.Attempt < 0
                || PublishedBookingEvent.TryParse(JsonSerializer.Serialize(parsed.Event, _json)) is null
                ? null
                : parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
