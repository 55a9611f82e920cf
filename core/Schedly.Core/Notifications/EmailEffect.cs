using System.Text.Json;

namespace Schedly.Core.Notifications;

/// <summary>
/// One email to send, as an <c>emails</c> queue message: the event it comes from and who it is for. Carries no
/// personal data; the sender reads the booking and the host fresh. <see cref="EffectId"/> is
/// <c>{eventId}.{recipient}</c>, so a re-run fan-out produces the same id and the sender sends once.
/// <code>
/// { "effectId": "…-created-0.client", "eventId": "…-created-0", "type": "booking.created", "recipient": "client",
///   "occurredAt": "…Z", "host": "ada", "bookingId": "ada--…", "eventType": "intro", "sequence": 0,
///   "start": "…Z", "end": "…Z", "previousStart": null, "previousEnd": null }
/// </code>
/// </summary>
public sealed record EmailEffect(
    string EffectId,
    string EventId,
    string Type,
    string Recipient,
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
    /// <summary>For a reminder: how many minutes before the start it is due.</summary>
    public int? ReminderOffsetMinutes { get; init; }

    public const string ClientRecipient = "client";
    public const string HostRecipient = "host";

    public static EmailEffect For(PublishedBookingEvent e, string recipient)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EmailEffect($"{e.EventId}.{recipient}", e.EventId, e.Type, recipient, e.OccurredAt, e.Host, e.BookingId, e.EventType, e.Sequence, e.Start, e.End, e.PreviousStart, e.PreviousEnd);
    }

    public string ToJson() => JsonSerializer.Serialize(this, PublishedBookingEvent.Json);

    /// <summary>The message, or null when it is malformed.</summary>
    public static EmailEffect? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var parsed = JsonSerializer.Deserialize<EmailEffect>(json, PublishedBookingEvent.Json);
            return parsed is null || string.IsNullOrEmpty(parsed.EffectId) || string.IsNullOrEmpty(parsed.Host)
                || string.IsNullOrEmpty(parsed.BookingId) || parsed.Recipient is not (ClientRecipient or HostRecipient)
                || string.IsNullOrEmpty(parsed.OccurredAt) || string.IsNullOrEmpty(parsed.Start) || string.IsNullOrEmpty(parsed.End)
                ? null
                : parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The event this effect comes from (for times).</summary>
    public PublishedBookingEvent Event => new(EventId, Type, OccurredAt, Host, BookingId, EventType, Sequence, Start, End, PreviousStart, PreviousEnd);
}
