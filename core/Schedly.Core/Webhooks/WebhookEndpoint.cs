using NodaTime;

namespace Schedly.Core.Webhooks;

/// <summary>
/// A host's registered webhook endpoint: where to POST, which event types, the signing secret, and how delivery has
/// been going. <see cref="FailingSince"/> is the first failure of the current run of failures (null after a success);
/// the endpoint is <see cref="Disabled"/> once that run reaches <see cref="WebhookOptions.DisableAfterHours"/>.
/// </summary>
public sealed record WebhookEndpoint(
    string Host,
    string Id,
    Uri Url,
    IReadOnlyList<string> Events,
    string Secret,
    Instant CreatedAt,
    Instant UpdatedAt)
{
    public bool Disabled { get; init; }

    public int? LastStatus { get; init; }

    /// <summary>A short reason for the last failure (status or exception type); never response bodies.</summary>
    public string? LastError { get; init; }

    public Instant? LastAttemptAt { get; init; }

    public Instant? LastSuccessAt { get; init; }

    public Instant? FailingSince { get; init; }

    public bool Subscribes(string eventType) => !Disabled && Events.Contains(eventType, StringComparer.Ordinal);

    /// <summary>The secret as shown after creation: its last four characters only.</summary>
    public string MaskedSecret => "****" + Secret[^4..];
}

/// <summary>What one delivery attempt came to.</summary>
public sealed record WebhookAttempt(Instant At, int? Status, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
