namespace Schedly.Core.Webhooks;

/// <summary>Webhook settings, bound from <c>Schedly:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Schedly:Webhooks";

    /// <summary>
    /// False (default, Azure): endpoints must be https URLs whose addresses are all public, checked at registration
    /// and again at every connection. True: http and loopback/private addresses allowed (local runs and tests only).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Delay before the first retry of a failed delivery; doubles per attempt. Default 30 s.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 30;

    /// <summary>The longest retry delay. Default 1 hour.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>An endpoint is disabled after failing continuously for this long. Default 24 h.</summary>
    public double DisableAfterHours { get; set; } = 24;

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var seconds = Math.Min(RetryBaseDelaySeconds * Math.Pow(2, exponent), MaxRetryDelaySeconds);
        return TimeSpan.FromSeconds(Math.Max(seconds, 0));
    }
}
