using Azure.Storage.Queues;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Notifications;

namespace Schedly.AzureStorage.Notifications;

/// <summary>
/// Sends a deferred email back to <c>emails</c> with a visibility delay (one queue write; Storage Queues allow up to
/// 7 days), or moves it to <c>emails-poison</c> (one queue write).
/// </summary>
public sealed class QueueEmailRetryQueue(QueueServiceClient queues) : IEmailRetryQueue
{
    private readonly QueueClient _emails = queues.GetQueueClient(SchedlyQueues.Emails);
    private readonly QueueClient _poison = queues.GetQueueClient(SchedlyQueues.Emails + "-poison");

    public async Task DeferAsync(EmailEffect effect, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        await _emails.SendMessageAsync(effect.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task PoisonAsync(EmailEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        await _poison.SendMessageAsync(effect.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}
