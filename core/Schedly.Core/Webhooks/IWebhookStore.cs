using NodaTime;

namespace Schedly.Core.Webhooks;

/// <summary>Storage of a host's webhook endpoints.</summary>
public interface IWebhookStore
{
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string host, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> FindAsync(string host, string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the endpoint (registration fields; delivery status reset). True when it was created.</summary>
    Task<bool> UpsertAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>False when there was no such endpoint.</summary>
    Task<bool> DeleteAsync(string host, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt's outcome on the endpoint (last status/error/time; the failure run start; disabled) without
    /// touching its registration. Nothing happens when the endpoint no longer exists.
    /// </summary>
    Task RecordAttemptAsync(string host, string id, WebhookAttempt attempt, Instant? failingSince, bool disable, CancellationToken cancellationToken);
}

/// <summary>
/// Posts a webhook body. Timeouts, connection failures and refused addresses come back as a result with
/// <see cref="WebhookAttempt.Error"/> set (not as exceptions), so the caller can record them and schedule a retry.
/// </summary>
public interface IWebhookTransport
{
    Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken);
}
