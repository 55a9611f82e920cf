using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;

namespace Schedly.Core.Abuse;

/// <summary>
/// Decides whether a public request may go ahead: fixed-window counters per client address and per host, kept in
/// storage so the limits hold across any number of instances. The client's counter is checked first, so a client
/// over its own limit is refused without touching the host's counter (one client cannot use up a host's budget).
/// Each counter costs one point read and, when the request is allowed, one conditional write; a refused request
/// writes nothing.
/// </summary>
public sealed class RateLimiter(IRateCounterStore store, RateLimitOptions options, IClock clock)
{
    /// <summary>
    /// <see cref="RateLimitDecision.Allowed"/>, counted; or <see cref="RateLimitDecision.Limited"/> with when to retry.
    /// </summary>
    /// <param name="action">What the request does.</param>
    /// <param name="client">Who sends it.</param>
    /// <param name="host">The host it addresses, or null when the route names none (then only the client is counted).</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public Task<RateLimitDecision> CheckAsync(RateLimitedAction action, ClientAddress client, HostSlug? host, CancellationToken cancellationToken) =>
        CheckAddresseeAsync(action, client, host?.Value, cancellationToken);

    /// <summary>As for a host, with the per-host budget of <paramref name="addressee"/> (<c>team.{slug}</c> for a team: no host slug has a dot).</summary>
    /// <param name="action">What the request does.</param>
    /// <param name="client">Who sends it.</param>
    /// <param name="addressee">Whose budget the request spends besides the client's, or null.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<RateLimitDecision> CheckAddresseeAsync(RateLimitedAction action, ClientAddress client, string? addressee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!options.Enabled)
        {
            return RateLimitDecision.Allowed.Instance;
        }

        var decision = await CountAsync(action, RateLimitScope.Client, client.Value, cancellationToken).ConfigureAwait(false);
        if (decision is RateLimitDecision.Limited || addressee is null)
        {
            return decision;
        }

        return await CountAsync(action, RateLimitScope.Host, addressee, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The storage key of one counter: <c>{action}|{scope}|{subject}</c>, such as <c>write|client|203.0.113.7</c>.</summary>
    public static string KeyFor(RateLimitedAction action, RateLimitScope scope, string subject) =>
        $"{action switch { RateLimitedAction.Write => "write", RateLimitedAction.SignIn => "signin", _ => "slots" }}|{(scope == RateLimitScope.Client ? "client" : "host")}|{subject}";

    /// <summary>
    /// The fixed-window rule for one counter, pure: the window containing <paramref name="now"/> starts at a multiple
    /// of <paramref name="window"/> since the Unix epoch; a counter from an earlier window counts as zero. Under the
    /// limit the next counter is returned; at the limit the request is refused until the window ends.
    /// </summary>
    public static RateLimitStep Decide(RateCounter? current, Instant now, Duration window, int limit)
    {
        var start = WindowStart(now, window);
        var count = current is not null && current.WindowStart == start ? current.Count : 0;
        if (count >= limit)
        {
            var wait = start + window - now;
            return new RateLimitStep(null, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
        }

        return new RateLimitStep(new RateCounter(start, count + 1), null);
    }

    /// <summary>The start of the fixed window containing <paramref name="now"/>: a multiple of <paramref name="window"/> since the Unix epoch.</summary>
    public static Instant WindowStart(Instant now, Duration window)
    {
        var windowTicks = window.BclCompatibleTicks;
        var nowTicks = now.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(nowTicks - (((nowTicks % windowTicks) + windowTicks) % windowTicks));
    }

    /// <summary>
    /// Counts one request on one counter. A counter so contended that every attempt lost its race is a burst on this
    /// very key: the request is refused as limited for a second (429), neither let through uncounted (a concurrent
    /// burst would then escape the limit) nor failed as 503.
    /// </summary>
    private async Task<RateLimitDecision> CountAsync(RateLimitedAction action, RateLimitScope scope, string subject, CancellationToken cancellationToken)
    {
        try
        {
            return await CountOnceAsync(action, scope, subject, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return new RateLimitDecision.Limited(scope, TimeSpan.FromSeconds(1));
        }
    }

    private async Task<RateLimitDecision> CountOnceAsync(RateLimitedAction action, RateLimitScope scope, string subject, CancellationToken cancellationToken)
    {
        var key = KeyFor(action, scope, subject);
        var limit = options.LimitFor(action, scope);
        return await OptimisticConcurrency.RunAsync<RateLimitDecision>("Rate counter", async ct =>
        {
            var now = clock.GetCurrentInstant();
            var stored = await store.FindAsync(key, WindowStart(now, options.Window), ct).ConfigureAwait(false);
            var step = Decide(stored?.Value, now, options.Window, limit);
            if (step.Next is null)
            {
                return new RateLimitDecision.Limited(scope, step.RetryAfter!.Value);
            }

            return await store.TrySaveAsync(key, step.Next, stored?.Version, ct).ConfigureAwait(false)
                ? RateLimitDecision.Allowed.Instance
                : Attempt<RateLimitDecision>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One counter's verdict: the counter to write (allowed), or how long until the window ends (refused).</summary>
public sealed record RateLimitStep(RateCounter? Next, TimeSpan? RetryAfter);

/// <summary>Whether a request may go ahead.</summary>
public abstract record RateLimitDecision
{
    private RateLimitDecision()
    {
    }

    /// <summary>Go ahead; the request has been counted.</summary>
    public sealed record Allowed : RateLimitDecision
    {
        public static Allowed Instance { get; } = new();
    }

    /// <summary>Refused: the <paramref name="Scope"/> counter is at its limit until <paramref name="RetryAfter"/> has passed (whole seconds, at least 1).</summary>
    public sealed record Limited(RateLimitScope Scope, TimeSpan RetryAfter) : RateLimitDecision;
}
