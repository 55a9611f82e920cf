namespace Schedly.Core.Notifications;

/// <summary>
/// The <c>booking-events</c> queue message: a <see cref="BookingEventReference"/> as JSON (what the outbox writes; see
/// docs/WEBHOOKS.md): ids, type and times, no personal data. Consumers read the booking itself for names and addresses.
/// </summary>
public static class PublishedBookingEvent
{
    /// <summary>The JSON the outbox stores and publishes for <paramref name="e"/> (the inverse of <see cref="TryParse"/>).</summary>
    public static string Serialize(Bookings.BookingEvent e) =>
        System.Text.Json.JsonSerializer.Serialize(BookingEventReference.From(e), QueueMessageJson.Options);

    /// <summary>The message, or null when it is not a well-formed event (a poison message, not retried usefully).</summary>
    public static BookingEventReference? TryParse(string json) =>
        QueueMessageJson.TryDeserialize<BookingEventReference>(json) is { } parsed && parsed.IsWellFormed() ? parsed : null;
}
