using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Webhooks;

namespace Schedly.Functions.Webhooks;

/// <summary>
/// Queue <c>webhooks</c>: one signed POST per message (see <see cref="DeliverWebhook"/>). A failed attempt is
/// rescheduled by re-sending the message with a doubling visibility delay (the message itself then completes), so
/// retries can span the 24-hour disable window; storage failures throw and go through the host's retries and
/// <c>webhooks-poison</c>. A malformed message throws so that it ends in <c>webhooks-poison</c>.
/// </summary>
public sealed partial class DeliverWebhooks(DeliverWebhook deliver, ILogger<DeliverWebhooks> logger)
{
    [Function(nameof(DeliverWebhooks))]
    public async Task Run([QueueTrigger(SchedlyQueues.Webhooks)] string message, CancellationToken cancellationToken)
    {
        var delivery = WebhookDelivery.TryParse(message)
            ?? throw new FormatException("The webhooks message is not a webhook delivery.");
        WebhookOutcome outcome;
        WebhookAttempt? attempt;
        try
        {
            (outcome, attempt) = await deliver.ExecuteAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LogFailure(delivery.DeliveryId, e))
        {
            throw;
        }

        if (attempt is { Succeeded: false })
        {
            LogFailed(logger, delivery.DeliveryId, delivery.Attempt + 1, attempt.Status ?? 0, attempt.Error ?? "", outcome);
        }
        else
        {
            LogDone(logger, delivery.DeliveryId, outcome);
        }
    }

    /// <summary>Logs the failure with the effect's id (no personal data) and lets the exception reach the host's retries.</summary>
    private bool LogFailure(string id, Exception e)
    {
        LogAttemptFailed(logger, id, e.GetType().Name);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed ({ExceptionType}); the queue will retry it")]
    private static partial void LogAttemptFailed(ILogger logger, string deliveryId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId}: {Outcome}")]
    private static partial void LogDone(ILogger logger, string deliveryId, WebhookOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} attempt {Attempt} failed ({Status} {Error}): {Outcome}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, int attempt, int status, string error, WebhookOutcome outcome);
}
