using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Notifications;

namespace Schedly.Functions.Notifications;

/// <summary>
/// Queue <c>emails</c>: sends one booking email per effect id (see <see cref="SendBookingEmail"/>). A failed send throws:
/// the host retries after its visibility timeout, then moves the message to <c>emails-poison</c>.
/// </summary>
public sealed partial class SendEmails(SendBookingEmail send, ILogger<SendEmails> logger)
{
    [Function(nameof(SendEmails))]
    public async Task Run([QueueTrigger(SchedlyQueues.Emails)] string message, CancellationToken cancellationToken)
    {
        var effect = EmailEffect.TryParse(message)
            ?? throw new FormatException("The emails message is not an email effect.");
        try
        {
            var outcome = await send.ExecuteAsync(effect, cancellationToken).ConfigureAwait(false);
            LogOutcome(logger, effect.EffectId, outcome);
        }
        catch (Exception e) when (LogFailure(effect.EffectId, e))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EffectId} failed ({ExceptionType}); the queue will retry it")]
    private static partial void LogAttemptFailed(ILogger logger, string effectId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EffectId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string effectId, EmailOutcome outcome);
}
