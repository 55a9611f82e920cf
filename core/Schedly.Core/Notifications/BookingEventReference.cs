using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Bookings;

namespace Schedly.Core.Notifications;

/// <summary>
/// Which booking event a queue message is about: the fields every message on <c>booking-events</c>, <c>emails</c> and
/// <c>webhooks</c> carries (ids, type and times; no personal data; consumers read the booking for names and
/// addresses). A <c>booking-events</c> message is exactly this record; <see cref="EmailEffect"/> and
/// <see cref="Webhooks.WebhookDelivery"/> contain it. On the wire it is always flat, as docs/WEBHOOKS.md and
/// docs/EMAIL.md show: its fields sit next to the containing message's own (<see cref="QueueMessageJson"/>), so
/// messages already on a queue read as before. Times are ISO-8601 UTC text as written; the <c>…Instant</c> properties
/// parse them.
/// </summary>
[JsonConverter(typeof(BookingEventReferenceJsonConverter))]
public sealed record BookingEventReference(
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
    public Instant OccurredAtInstant => ParseInstant(OccurredAt);

    public Instant StartInstant => ParseInstant(Start);

    public Instant EndInstant => ParseInstant(End);

    public Instant? PreviousStartInstant => PreviousStart is null ? null : ParseInstant(PreviousStart);

    public Instant? PreviousEndInstant => PreviousEnd is null ? null : ParseInstant(PreviousEnd);

    /// <summary>The reference to <paramref name="e"/>, as the outbox publishes it.</summary>
    public static BookingEventReference From(BookingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new BookingEventReference(
            e.Id,
            e.Type,
            e.OccurredAt.ToString(),
            e.Booking.Id.Host.Value,
            e.Booking.Id.Value,
            e.Booking.EventType,
            e.Booking.Sequence,
            e.Booking.Start.ToString(),
            e.Booking.End.ToString(),
            e.PreviousStart?.ToString(),
            e.PreviousEnd?.ToString());
    }

    /// <summary>True when the ids, type and host are present and every time parses.</summary>
    public bool IsWellFormed()
    {
        if (string.IsNullOrEmpty(EventId) || string.IsNullOrEmpty(Type) || string.IsNullOrEmpty(Host) || string.IsNullOrEmpty(BookingId)
            || OccurredAt is null || Start is null || End is null)
        {
            return false;
        }

        return InstantPattern.ExtendedIso.Parse(OccurredAt).Success
            && InstantPattern.ExtendedIso.Parse(Start).Success
            && InstantPattern.ExtendedIso.Parse(End).Success
            && (PreviousStart is null || InstantPattern.ExtendedIso.Parse(PreviousStart).Success)
            && (PreviousEnd is null || InstantPattern.ExtendedIso.Parse(PreviousEnd).Success);
    }

    /// <summary>
    /// Writes the fields into the JSON object being written, in their documented order; <paramref name="afterType"/>
    /// writes a containing message's field that sits between <c>type</c> and <c>occurredAt</c> (an email's <c>recipient</c>).
    /// </summary>
    internal void WriteFields(Utf8JsonWriter writer, Action<Utf8JsonWriter>? afterType = null)
    {
        writer.WriteString("eventId", EventId);
        writer.WriteString("type", Type);
        afterType?.Invoke(writer);
        writer.WriteString("occurredAt", OccurredAt);
        writer.WriteString("host", Host);
        writer.WriteString("bookingId", BookingId);
        writer.WriteString("eventType", EventType);
        writer.WriteNumber("sequence", Sequence);
        writer.WriteString("start", Start);
        writer.WriteString("end", End);
        writer.WriteString("previousStart", PreviousStart);
        writer.WriteString("previousEnd", PreviousEnd);
    }

    /// <summary>Reads the fields from a message's properties (others are ignored). Throws <see cref="JsonException"/> on a wrongly typed field.</summary>
    internal static BookingEventReference ReadFields(QueueMessageJson.Fields fields) => new(
        fields.String("eventId")!,
        fields.String("type")!,
        fields.String("occurredAt")!,
        fields.String("host")!,
        fields.String("bookingId")!,
        fields.String("eventType")!,
        fields.Int("sequence") ?? 0,
        fields.String("start")!,
        fields.String("end")!,
        fields.String("previousStart"),
        fields.String("previousEnd"));

    private static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();
}

/// <summary>The flat JSON of a <c>booking-events</c> message.</summary>
internal sealed class BookingEventReferenceJsonConverter : JsonConverter<BookingEventReference>
{
    public override BookingEventReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueueMessageJson.Read(ref reader, BookingEventReference.ReadFields);

    public override void Write(Utf8JsonWriter writer, BookingEventReference value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        value.WriteFields(writer);
        writer.WriteEndObject();
    }
}
