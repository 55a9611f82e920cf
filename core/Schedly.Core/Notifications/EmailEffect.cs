using System.Text.Json;
using System.Text.Json.Serialization;

namespace Schedly.Core.Notifications;

/// <summary>
/// One email to send, as an <c>emails</c> queue message: the event it comes from and who it is for. Carries no
/// personal data; the sender reads the booking and the host fresh. <see cref="EffectId"/> is
/// <c>{eventId}.{recipient}</c>, so a re-run fan-out produces the same id and the sender sends once. The event's fields
/// are written flat next to the effect's own, as before (<see cref="QueueMessageJson"/>):
/// <code>
/// { "effectId": "…-created-0.client", "eventId": "…-created-0", "type": "booking.created", "recipient": "client",
///   "occurredAt": "…Z", "host": "ada", "bookingId": "ada--…", "eventType": "intro", "sequence": 0,
///   "start": "…Z", "end": "…Z", "previousStart": null, "previousEnd": null, "reminderOffsetMinutes": null }
/// </code>
/// </summary>
[JsonConverter(typeof(EmailEffectJsonConverter))]
public sealed record EmailEffect(string EffectId, string Recipient, BookingEventReference Event)
{
    public const string ClientRecipient = "client";
    public const string HostRecipient = "host";

    /// <summary>For a reminder: how many minutes before the start it is due.</summary>
    public int? ReminderOffsetMinutes { get; init; }

    /// <summary>How many times a busy provider made this email wait (<see cref="EmailDeferral"/>); 0 for a new one.</summary>
    public int Deferrals { get; init; }

    public static EmailEffect For(BookingEventReference e, string recipient)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EmailEffect($"{e.EventId}.{recipient}", recipient, e);
    }

    public string ToJson() => JsonSerializer.Serialize(this, QueueMessageJson.Options);

    /// <summary>The message, or null when it is malformed.</summary>
    public static EmailEffect? TryParse(string json) =>
        QueueMessageJson.TryDeserialize<EmailEffect>(json) is { } parsed && !string.IsNullOrEmpty(parsed.EffectId)
            && parsed.Recipient is ClientRecipient or HostRecipient && parsed.Event.IsWellFormed()
            ? parsed
            : null;
}

/// <summary>The flat JSON of an <see cref="EmailEffect"/>: its own fields and its event's, in one object.</summary>
internal sealed class EmailEffectJsonConverter : JsonConverter<EmailEffect>
{
    public override EmailEffect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueueMessageJson.Read(ref reader, fields => new EmailEffect(fields.String("effectId")!, fields.String("recipient")!, BookingEventReference.ReadFields(fields))
        {
            ReminderOffsetMinutes = fields.Int("reminderOffsetMinutes"),
            Deferrals = Math.Max(0, fields.Int("deferrals") ?? 0),
        });

    public override void Write(Utf8JsonWriter writer, EmailEffect value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("effectId", value.EffectId);
        value.Event.WriteFields(writer, afterType: w => w.WriteString("recipient", value.Recipient));
        if (value.ReminderOffsetMinutes is { } offset)
        {
            writer.WriteNumber("reminderOffsetMinutes", offset);
        }
        else
        {
            writer.WriteNull("reminderOffsetMinutes");
        }

        if (value.Deferrals > 0)
        {
            writer.WriteNumber("deferrals", value.Deferrals);
        }

        writer.WriteEndObject();
    }
}
