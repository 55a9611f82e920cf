using Azure.Data.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Notifications;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Outbox rows: the JSON message to put on <c>booking-events</c>, written in the same transaction
/// as the booking change, and deleted by the fan-out once the event is handled (or else by its guard).
/// </summary>
public static class OutboxEntities
{
    public static TableEntity Create(BookingEvent bookingEvent)
    {
        ArgumentNullException.ThrowIfNull(bookingEvent);
        return new TableEntity(bookingEvent.Booking.Id.Host.Value, BookingRowKeys.Outbox(bookingEvent.Id))
        {
            ["EventType"] = bookingEvent.Type,
            ["Message"] = PublishedBookingEvent.Serialize(bookingEvent),
            ["OccurredAt"] = bookingEvent.OccurredAt.ToDateTimeOffset(),
            ["Dispatched"] = false,
        };
    }
}
