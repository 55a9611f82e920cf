using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Schedly.Core.Notifications;

/// <summary>
/// A <c>booking-events</c> queue message as consumers read it (the JSON the outbox wrote; see docs/WEBHOOKS.md):
/// ids, type and times, no personal data. Consumers read the booking itself for names and addresses.
/// </summary>
public sealed record PublishedBookingEvent(
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
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Instant OccurredAtInstant => ParseInstant(OccurredAt);

    public Instant StartInstant => ParseInstant(Start);

    public Instant EndInstant => ParseInstant(End);

    public Instant? PreviousStartInstant => PreviousStart is null ? null : ParseInstant(PreviousStart);

    public Instant? PreviousEndInstant => PreviousEnd is null ? null : ParseInstant(PreviousEnd);

    /// <summary>The JSON the outbox stores and publishes for <paramref name="e"/> (the inverse of <see cref="TryParse"/>).</summary>
    public static string Serialize(Bookings.BookingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(
            new
            {
                eventId = e.Id,
                type = e.Type,
                occurredAt = e.OccurredAt.ToString(),
                host = e.Booking.Id.Host.Value,
                bookingId = e.Booking.Id.Value,
                eventType = e.Booking.EventType,
                sequence = e.Booking.Sequence,
                start = e.Booking.Start.ToString(),
                end = e.Booking.End.ToString(),
                previousStart = e.PreviousStart?.ToString(),
                previousEnd = e.PreviousEnd?.ToString(),
            },
            Json);
    }

    /// <summary>The message, or null when it is not a well-formed event (a poison message, not retried usefully).</summary>
    public static PublishedBookingEvent? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var parsed = JsonSerializer.Deserialize<PublishedBookingEvent>(json, Json);
            if (parsed is null || string.IsNullOrEmpty(parsed.EventId) || string.IsNullOrEmpty(parsed.Type)
                || string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.BookingId))
            {
                return null;
            }

            _ = parsed.OccurredAtInstant;
            _ = parsed.StartInstant;
            _ = parsed.EndInstant;
            _ = parsed.PreviousStartInstant;
            _ = parsed.PreviousEndInstant;
            return parsed;
        }
        catch (Exception e) when (e is JsonException or UnparsableValueException or ArgumentException)
        {
            return null;
        }
    }

    internal static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();
}
