using Schedly.Core.Bookings;

namespace Schedly.Core.Webhooks;

/// <summary>The event types an endpoint can subscribe to: the booking event types.</summary>
public static class WebhookEvents
{
    public static IReadOnlyList<string> All { get; } =
        [BookingEvent.Created, BookingEvent.Rescheduled, BookingEvent.Cancelled, BookingEvent.NoShow, BookingEvent.NoShowCleared,
         BookingEvent.Pending, BookingEvent.Confirmed, BookingEvent.Declined, BookingEvent.Expired, BookingEvent.Refunded];
}
