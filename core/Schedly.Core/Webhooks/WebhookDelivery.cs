using System.Text.Json;
using System.Text.Json.Serialization;
using Schedly.Core.Notifications;

namespace Schedly.Core.Webhooks;

/// <summary>
/// One delivery of one event to one endpoint, as a <c>webhooks</c> queue message. <see cref="DeliveryId"/> is
/// <c>{eventId}.{endpointId}</c>. <see cref="Attempt"/> counts failed attempts so far (0 on the first send); a failed
/// attempt re-sends the message with <see cref="Attempt"/> + 1 and a visibility delay that doubles per attempt. The
/// event's fields are written flat after the delivery's own, as before (<see cref="QueueMessageJson"/>):
/// <code>
/// { "deliveryId": "…-created-0.crm", "endpointId": "crm", "attempt": 0, "eventId": "…-created-0",
///   "type": "booking.created", "occurredAt": "…Z", "host": "ada", "bookingId": "ada--…", "eventType": "intro",
///   "sequence": 0, "start": "…Z", "end": "…Z", "previousStart": null, "previousEnd": null }
/// </code>
/// </summary>
[JsonConverter(typeof(WebhookDeliveryJsonConverter))]
public sealed record WebhookDelivery(string DeliveryId, string EndpointId, int Attempt, BookingEventReference Event)
{
    public static WebhookDelivery For(BookingEventReference e, string endpointId)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrEmpty(endpointId);
        return new WebhookDelivery($"{e.EventId}.{endpointId}", endpointId, 0, e);
    }

    public string ToJson() => JsonSerializer.Serialize(this, QueueMessageJson.Options);

    public static WebhookDelivery? TryParse(string json) =>
        QueueMessageJson.TryDeserialize<WebhookDelivery>(json) is { } parsed && !string.IsNullOrEmpty(parsed.DeliveryId)
            && !string.IsNullOrEmpty(parsed.EndpointId) && parsed.Attempt >= 0 && parsed.Event.IsWellFormed()
            ? parsed
            : null;
}

/// <summary>The flat JSON of a <see cref="WebhookDelivery"/>: its own fields, then its event's, in one object.</summary>
internal sealed class WebhookDeliveryJsonConverter : JsonConverter<WebhookDelivery>
{
    public override WebhookDelivery Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueueMessageJson.Read(ref reader, fields => new WebhookDelivery(
            fields.String("deliveryId")!,
            fields.String("endpointId")!,
            fields.Int("attempt") ?? 0,
            BookingEventReference.ReadFields(fields)));

    public override void Write(Utf8JsonWriter writer, WebhookDelivery value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("deliveryId", value.DeliveryId);
        writer.WriteString("endpointId", value.EndpointId);
        writer.WriteNumber("attempt", value.Attempt);
        value.Event.WriteFields(writer);
        writer.WriteEndObject();
    }
}
