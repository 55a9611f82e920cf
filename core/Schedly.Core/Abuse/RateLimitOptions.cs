using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Abuse;

/// <summary>
/// Request rate limits of the public routes, bound from <c>Schedly:RateLimits</c> (app settings
/// <c>Schedly__RateLimits__*</c>; see docs/SECURITY.md, "Abuse"). Each limit counts requests in fixed windows of
/// <see cref="WindowSeconds"/>, shared by every instance through storage. <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class RateLimitOptions : IValidatableOptions
{
    public const string Section = "Schedly:RateLimits";

    /// <summary>The largest limit a setting may name: more than this per window is the same as no limit.</summary>
    public const int MaxLimit = 1_000_000;

    /// <summary>True (default): requests are counted and limited. False: nothing is counted (load tests and benchmarks).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The length of one counting window in seconds, from 1 to 3600. Default 60.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Public writes (book, reschedule, cancel) per window from one client address. Default 10.</summary>
    public int WritesPerClient { get; set; } = 10;

    /// <summary>Public writes per window to one host, from all clients together. Default 60.</summary>
    public int WritesPerHost { get; set; } = 60;

    /// <summary>Slot queries per window from one client address. Default 120.</summary>
    public int SlotQueriesPerClient { get; set; } = 120;

    /// <summary>Slot queries per window of one host, from all clients together. Default 1200.</summary>
    public int SlotQueriesPerHost { get; set; } = 1200;

    /// <summary>Sign-in link requests and redemptions per window from one client address. Default 5.</summary>
    public int SignInsPerClient { get; set; } = 5;

    /// <summary>
    /// False (default): the client address is the connection's remote address. True: the app sits behind a trusted
    /// proxy (the Azure Functions front end) and the client address is the last <c>X-Forwarded-For</c> entry, the
    /// one that proxy appended; entries before it are whatever the client sent and are never trusted.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>The window as a duration.</summary>
    public Duration Window => Duration.FromSeconds(WindowSeconds);

    /// <summary>The limit of <paramref name="action"/> for one key of <paramref name="scope"/>.</summary>
    public int LimitFor(RateLimitedAction action, RateLimitScope scope) => (action, scope) switch
    {
        (RateLimitedAction.Write, RateLimitScope.Client) => WritesPerClient,
        (RateLimitedAction.Write, RateLimitScope.Host) => WritesPerHost,
        (RateLimitedAction.SlotQuery, RateLimitScope.Client) => SlotQueriesPerClient,
        (RateLimitedAction.SlotQuery, RateLimitScope.Host) => SlotQueriesPerHost,
        (RateLimitedAction.SignIn, _) => SignInsPerClient,
        _ => throw new ArgumentOutOfRangeException(nameof(action), $"No limit for {action} per {scope}."),
    };

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WindowSeconds is < 1 or > 3600)
        {
            errors.Add($"{Section}:WindowSeconds must be from 1 to 3600.");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(WritesPerClient), WritesPerClient), (nameof(WritesPerHost), WritesPerHost),
            (nameof(SlotQueriesPerClient), SlotQueriesPerClient), (nameof(SlotQueriesPerHost), SlotQueriesPerHost),
            (nameof(SignInsPerClient), SignInsPerClient),
        })
        {
            if (value is < 1 or > MaxLimit)
            {
                errors.Add($"{Section}:{name} must be from 1 to {MaxLimit} (set {Section}:Enabled to false to turn limits off).");
            }
        }

        return errors;
    }
}

/// <summary>What a limited request does; each has its own limits.</summary>
public enum RateLimitedAction
{
    /// <summary>A public write: book, reschedule or cancel.</summary>
    Write,

    /// <summary>A free-slots query.</summary>
    SlotQuery,

    /// <summary>Asking for a sign-in link, or redeeming one (counted per client address only).</summary>
    SignIn,
}

/// <summary>Whose requests one counter counts.</summary>
public enum RateLimitScope
{
    /// <summary>One client address (an IPv4 address, or an IPv6 /64 network).</summary>
    Client,

    /// <summary>One host, all clients together.</summary>
    Host,
}
