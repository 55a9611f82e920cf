namespace Schedly.Core.Bookings;

/// <summary>
/// Publishes committed outbox events (to the <c>booking-events</c> queue) and marks them
/// dispatched. Publishing is at-least-once: a crash between commit and publish is repaired by the
/// outbox sweep, and consumers are idempotent.
/// </summary>
public interface IBookingEventPublisher
{
    Task PublishAsync(BookingEvent bookingEvent, CancellationToken cancellationToken);
}
