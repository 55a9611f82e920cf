using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;

namespace Schedly.AzureStorage.Queues;

/// <summary>
/// Publishes a committed outbox event to <c>booking-events</c>: one queue message and no table write (the fan-out
/// deletes the outbox row once it has handled the event). Never throws: if sending fails, the event's outbox guard
/// publishes it about a minute later (consumers are idempotent, so a second send is harmless).
/// </summary>
public sealed partial class QueueBookingEventPublisher(QueueServiceClient queues, ILogger<QueueBookingEventPublisher> logger)
    : IBookingEventPublisher
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.BookingEvents);

    public async Task PublishAsync(BookingEvent bookingEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookingEvent);
        try
        {
            await _queue.SendMessageAsync(Core.Notifications.PublishedBookingEvent.Serialize(bookingEvent), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
        {
            LogPublishDeferred(logger, bookingEvent.Id, bookingEvent.Type, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {EventId} ({EventType}) not published now ({ExceptionType}); its outbox guard will send it")]
    private static partial void LogPublishDeferred(ILogger logger, string eventId, string eventType, string exceptionType);
}
