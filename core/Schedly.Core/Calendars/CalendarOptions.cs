using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Calendars;

/// <summary>
/// Calendar subscription rules, bound from <c>Schedly:Calendars</c> (app settings <c>Schedly__Calendars__*</c>; see
/// docs/CALENDARS.md). Every limit of fetching and every timing rule of refreshing lives here. Whether http and
/// loopback feed addresses are accepted is not set here: local runs allow them through the same switch as webhooks,
/// <see cref="Webhooks.WebhookOptions.AllowPrivateAddresses"/>. <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class CalendarOptions : IValidatableOptions
{
    public const string Section = "Schedly:Calendars";

    /// <summary>Feeds one host may subscribe to. 1 to 50; default 10.</summary>
    public int MaxFeedsPerHost { get; set; } = 10;

    /// <summary>The whole fetch (redirects and body included) times out after this many seconds. More than 0, at most 60; default 10.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest body accepted, in bytes, both as sent and after decompression. 1 KiB to 50 MiB; default 5 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Minutes between refreshes of a healthy feed (each gets up to a tenth more or less, at random). 1 to 1440; default 15.</summary>
    public double RefreshMinutes { get; set; } = 15;

    /// <summary>Delay in minutes before refreshing a failing feed again; doubles per failure up to <see cref="MaxBackoffHours"/>. More than 0; default 1.</summary>
    public double BackoffBaseMinutes { get; set; } = 1;

    /// <summary>The longest wait between refreshes of a failing feed, in hours. Up to 144 (a queue message hides for at most 7 days); default 6.</summary>
    public double MaxBackoffHours { get; set; } = 6;

    /// <summary>Redirects followed per fetch, each checked like the first address. 0 to 10; default 3.</summary>
    public int MaxRedirects { get; set; } = 3;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>How long after the last successful refresh a feed's busy time is still used: 24 hours (docs/CALENDARS.md).</summary>
    public static Duration KeepLastGoodFor { get; } = Duration.FromHours(24);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxFeedsPerHost is < 1 or > 50)
        {
            errors.Add($"{Section}:MaxFeedsPerHost must be from 1 to 50.");
        }

        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= 60))
        {
            errors.Add($"{Section}:TimeoutSeconds must be more than 0 and at most 60.");
        }

        if (MaxBodyBytes is < 1024 or > 50L * 1024 * 1024)
        {
            errors.Add($"{Section}:MaxBodyBytes must be from 1024 to 52428800 (50 MiB).");
        }

        if (!(RefreshMinutes >= 1 && RefreshMinutes <= 1440))
        {
            errors.Add($"{Section}:RefreshMinutes must be from 1 to 1440.");
        }

        if (!(BackoffBaseMinutes > 0 && BackoffBaseMinutes <= 1440))
        {
            errors.Add($"{Section}:BackoffBaseMinutes must be more than 0 and at most 1440.");
        }

        if (!(MaxBackoffHours > 0 && MaxBackoffHours <= 144))
        {
            errors.Add($"{Section}:MaxBackoffHours must be more than 0 and at most 144 (6 days).");
        }

        if (MaxRedirects is < 0 or > 10)
        {
            errors.Add($"{Section}:MaxRedirects must be from 0 to 10.");
        }

        return errors;
    }

    /// <summary>
    /// The wait before the next refresh: <see cref="RefreshMinutes"/> ± 10 % after a success; after the
    /// <paramref name="failures"/>-th failure in a row <see cref="BackoffBaseMinutes"/> × 2^(failures − 1), at most
    /// <see cref="MaxBackoffHours"/>, also ± 10 %. <paramref name="jitter"/> in [0, 1) picks the point in that range.
    /// </summary>
    public Duration NextRefreshDelay(int failures, double jitter)
    {
        var minutes = failures <= 0
            ? RefreshMinutes
            : Math.Min(BackoffBaseMinutes * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)), MaxBackoffHours * 60);
        var factor = 0.9 + (0.2 * Math.Clamp(jitter, 0, 1));
        return Duration.FromSeconds(Math.Round(minutes * 60 * factor));
    }
}
