using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Outbox;

namespace Schedly.Functions.Notifications;

/// <summary>
/// Queue <c>outbox-guard</c>: each message arrives a minute after its event's transaction and publishes the event if
/// its outbox row is still there (see <see cref="CheckOutboxGuard"/>). A failure throws: the queue retries it, then
/// moves it to <c>outbox-guard-poison</c>, which is worth an alert (that event may not have been published).
/// </summary>
public sealed partial class CheckOutboxGuards(CheckOutboxGuard check, ILogger<CheckOutboxGuards> logger)
{
    [Function(nameof(CheckOutboxGuards))]
    public async Task Run([QueueTrigger(SchedlyQueues.OutboxGuard)] string message, CancellationToken cancellationToken)
    {
        var guard = OutboxGuard.TryParse(message) ?? throw new FormatException("The outbox-guard message is not a guard.");
        if (await check.ExecuteAsync(guard, cancellationToken).ConfigureAwait(false))
        {
            LogRepublished(logger, guard.EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {EventId} had not been published; its guard published it")]
    private static partial void LogRepublished(ILogger logger, string eventId);
}
