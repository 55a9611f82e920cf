using System.Text.Json;
using Azure.Data.Tables;
using Schedly.Core.Bookings;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Outbox rows: the JSON message to put on <c>booking-events</c>, written in the same transaction
/// as the booking change, and flagged <c>Dispatched</c> once enqueued.
/// </summary>
public static class OutboxEntities
{
    public static TableEntity Create(BookingEvent bookingEvent)
    {
        ArgumentNullException.ThrowIfNull(bookingEvent);
        return new TableEntity(bookingEvent.Booking.Id.Host.Value, BookingRowKeys.Outbox(bookingEvent.Id))
        {
            ["EventType"] = bookingEvent.Type,
            ["Message"] = BookingEventMessage.Serialize(bookingEvent),
            ["OccurredAt"] = bookingEvent.OccurredAt.ToDateTimeOffset(),
            ["Dispatched"] = false,
        };
    }
}

/// <summary>
/// The JSON of a <c>booking-events</c> queue message. Carries ids and times, no personal data:
/// consumers read the booking itself for names and addresses.
/// <code>
/// { "eventId": "…", "type": "booking.rescheduled", "occurredAt": "2026-11-25T10:00:00Z",
///   "host": "ada", "bookingId": "ada--…", "eventType": "intro", "sequence": 1,
///   "start": "…Z", "end": "…Z", "previousStart": "…Z", "previousEnd": "…Z" }
/// </code>
/// </summary>
public sealed record BookingEventMessage(
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
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(BookingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(
            new BookingEventMessage(
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
                e.PreviousEnd?.ToString()),
            Options);
    }

    public static BookingEventMessage? Parse(string json) => JsonSerializer.Deserialize<BookingEventMessage>(json, Options);
}
