namespace Schedly.Core.Bookings;

/// <summary>
/// Publishes committed outbox events (to the <c>booking-events</c> queue) and deletes their outbox rows.
/// Publishing is at-least-once: a crash between commit and publish is repaired by the event's
/// <see cref="Outbox.OutboxGuard"/>, and consumers are idempotent.
/// </summary>
public interface IBookingEventPublisher
{
    Task PublishAsync(BookingEvent bookingEvent, CancellationToken cancellationToken);
}
