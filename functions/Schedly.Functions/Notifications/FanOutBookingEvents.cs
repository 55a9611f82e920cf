using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Notifications;

namespace Schedly.Functions.Notifications;

/// <summary>
/// Queue <c>booking-events</c>: one message per effect on <c>emails</c> and <c>webhooks</c> (see <see cref="FanOutBookingEvent"/>).
/// A failure throws: the host retries, then moves the message to <c>booking-events-poison</c>.
/// </summary>
public sealed partial class FanOutBookingEvents(FanOutBookingEvent fanOut, ILogger<FanOutBookingEvents> logger)
{
    [Function(nameof(FanOutBookingEvents))]
    public async Task Run([QueueTrigger(SchedlyQueues.BookingEvents)] string message, CancellationToken cancellationToken)
    {
        var bookingEvent = PublishedBookingEvent.TryParse(message)
            ?? throw new FormatException("The booking-events message is not a booking event.");
        try
        {
            var result = await fanOut.ExecuteAsync(bookingEvent, cancellationToken).ConfigureAwait(false);
            LogFannedOut(logger, bookingEvent.EventId, bookingEvent.Type, result.Emails, result.Webhooks);
        }
        catch (Exception e) when (LogFailure(bookingEvent.EventId, e))
        {
            throw;
        }
    }

    /// <summary>Logs the failure with the effect's id (no personal data) and lets the exception reach the host's retries.</summary>
    private bool LogFailure(string id, Exception e)
    {
        LogAttemptFailed(logger, id, e.GetType().Name);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} failed ({ExceptionType}); the queue will retry it")]
    private static partial void LogAttemptFailed(ILogger logger, string eventId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({EventType}): {Emails} emails and {Webhooks} webhook deliveries queued")]
    private static partial void LogFannedOut(ILogger logger, string eventId, string eventType, int emails, int webhooks);
}
