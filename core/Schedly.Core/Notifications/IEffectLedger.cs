using NodaTime;

namespace Schedly.Core.Notifications;

/// <summary>
/// Records effects (an email, a webhook delivery) that have happened, one record per effect id, so a redelivered
/// queue message does not repeat them. Keys are <c>email|{effectId}</c> or <c>webhook|{deliveryId}</c>.
/// </summary>
public interface IEffectLedger
{
    Task<bool> HasAsync(string host, string key, CancellationToken cancellationToken);

    /// <summary>Inserts the record if absent; an existing record is left as it is (no error).</summary>
    Task RecordAsync(string host, string key, Instant at, CancellationToken cancellationToken);
}

/// <summary>Sends effect messages on the <c>emails</c> and <c>webhooks</c> queues.</summary>
public interface INotificationQueue
{
    Task SendEmailAsync(EmailEffect effect, CancellationToken cancellationToken);

    /// <summary>Sends a webhook delivery, invisible for <paramref name="delay"/> (zero: now).</summary>
    Task SendWebhookAsync(Webhooks.WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken);
}
