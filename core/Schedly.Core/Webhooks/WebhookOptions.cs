using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Webhooks;

/// <summary>
/// Webhook delivery rules, bound from <c>Schedly:Webhooks</c> (app settings <c>Schedly__Webhooks__*</c>; see
/// docs/WEBHOOKS.md). Every timing rule of delivery lives here: the request and connect timeouts, the retry schedule
/// and when a failing endpoint is disabled. <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class WebhookOptions : IValidatableOptions
{
    public const string Section = "Schedly:Webhooks";

    /// <summary>The longest retry delay allowed: a queue message can be hidden for at most 7 days.</summary>
    public const double MaxRetryDelayLimitSeconds = 6 * 24 * 3600;

    /// <summary>The longest request timeout allowed, in seconds.</summary>
    public const double MaxTimeoutSeconds = 120;

    /// <summary>The connect phase of a request never waits longer than this, however long <see cref="TimeoutSeconds"/> is.</summary>
    public const double MaxConnectTimeoutSeconds = 10;

    /// <summary>
    /// False (default, Azure): endpoints must be https URLs whose addresses are all public, checked at registration
    /// and again at every connection. True: http and loopback/private addresses allowed (local runs and tests only;
    /// local.settings.sample.json sets it).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Delay in seconds before the first retry of a failed delivery; doubles per attempt. More than 0; default 30.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 30;

    /// <summary>The longest retry delay in seconds, from <see cref="RetryBaseDelaySeconds"/> to 6 days. Default 3600 (1 hour).</summary>
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>Per-request timeout in seconds, in (0, 120]. Default 10.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>An endpoint is disabled after failing continuously for this many hours. More than 0; default 24.</summary>
    public double DisableAfterHours { get; set; } = 24;

    /// <summary>The whole request's timeout.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The connect timeout: <see cref="TimeoutSeconds"/>, at most <see cref="MaxConnectTimeoutSeconds"/>.</summary>
    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(Math.Min(TimeoutSeconds, MaxConnectTimeoutSeconds));

    /// <summary>How long an endpoint may fail continuously before it is disabled.</summary>
    public Duration DisableAfter => Duration.FromSeconds(DisableAfterHours * 3600);

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var seconds = Math.Min(RetryBaseDelaySeconds * Math.Pow(2, exponent), MaxRetryDelaySeconds);
        return TimeSpan.FromSeconds(Math.Max(seconds, 0));
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var baseDelayValid = RetryBaseDelaySeconds > 0 && RetryBaseDelaySeconds <= MaxRetryDelayLimitSeconds;
        if (!baseDelayValid)
        {
            errors.Add($"{Section}:RetryBaseDelaySeconds must be more than 0 and at most {MaxRetryDelayLimitSeconds} (6 days).");
        }

        if (!(MaxRetryDelaySeconds > 0 && MaxRetryDelaySeconds <= MaxRetryDelayLimitSeconds && (!baseDelayValid || MaxRetryDelaySeconds >= RetryBaseDelaySeconds)))
        {
            errors.Add($"{Section}:MaxRetryDelaySeconds must be at least {Section}:RetryBaseDelaySeconds and at most {MaxRetryDelayLimitSeconds} (6 days: a queue message hides for at most 7).");
        }

        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= MaxTimeoutSeconds))
        {
            errors.Add($"{Section}:TimeoutSeconds must be more than 0 and at most {MaxTimeoutSeconds}.");
        }

        if (!(DisableAfterHours > 0 && DisableAfterHours <= 24 * 365))
        {
            errors.Add($"{Section}:DisableAfterHours must be more than 0 and at most 8760 (a year).");
        }

        return errors;
    }
}
