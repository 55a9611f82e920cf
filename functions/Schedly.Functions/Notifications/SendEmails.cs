using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Notifications;
using Schedly.Email;

namespace Schedly.Functions.Notifications;

/// <summary>
/// Queue <c>emails</c>: sends one booking email per effect id (see <see cref="SendBookingEmail"/>). When the provider is
/// busy (<see cref="EmailProviderBusyException"/>: 429, 408, 5xx, no answer) the email is queued again with the
/// provider's <c>Retry-After</c> as its visibility delay and this message completes, so pressure never uses up dequeue
/// attempts (<see cref="EmailDeferral"/>). An email the provider refuses for good (another 4xx), or one still deferred
/// after <see cref="EmailDeferral.MaxDeferrals"/> tries, goes to <c>emails-poison</c> with one error log naming the
/// reason. Any other failure throws: the host retries after its visibility timeout, then poisons the message.
/// </summary>
public sealed partial class SendEmails(SendBookingEmail send, IEmailRetryQueue retries, ILogger<SendEmails> logger)
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
        catch (EmailProviderBusyException busy)
        {
            await DeferOrGiveUpAsync(effect, busy, cancellationToken).ConfigureAwait(false);
        }
        catch (EmailSendException refused) when (refused.Status is >= 400 and < 500)
        {
            await GiveUpAsync(effect, $"the provider refused it: {refused.Message}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LogFailure(effect.EffectId, e))
        {
            throw;
        }
    }

    private async Task DeferOrGiveUpAsync(EmailEffect effect, EmailProviderBusyException busy, CancellationToken cancellationToken)
    {
        switch (EmailDeferral.Decide(effect.Deferrals, busy.RetryAfter))
        {
            case EmailDeferral.Decision.Defer defer:
                await retries.DeferAsync(effect with { Deferrals = effect.Deferrals + 1 }, defer.Delay, cancellationToken).ConfigureAwait(false);
                LogDeferred(logger, effect.EffectId, busy.Message, (int)defer.Delay.TotalSeconds, effect.Deferrals + 1);
                break;
            case EmailDeferral.Decision.GiveUp giveUp:
                await GiveUpAsync(effect, $"{giveUp.Reason}: {busy.Message}", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task GiveUpAsync(EmailEffect effect, string reason, CancellationToken cancellationToken)
    {
        await retries.PoisonAsync(effect, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, effect.EffectId, reason);
    }

    /// <summary>Logs the failure with the effect's id (no personal data) and lets the exception reach the host's retries.</summary>
    private bool LogFailure(string id, Exception e)
    {
        LogAttemptFailed(logger, id, e.GetType().Name);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EffectId} failed ({ExceptionType}); the queue will retry it")]
    private static partial void LogAttemptFailed(ILogger logger, string effectId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EffectId} deferred: {Reason}; again in {DelaySeconds} s (deferral {Deferrals})")]
    private static partial void LogDeferred(ILogger logger, string effectId, string reason, int delaySeconds, int deferrals);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EffectId} moved to emails-poison: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string effectId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EffectId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string effectId, EmailOutcome outcome);
}
