using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Abuse;

/// <summary>
/// Where request counters live, shared by every instance. One counter per key; the key names the action, the scope
/// and the client address or host (<see cref="RateLimiter.KeyFor"/>). The adapter translates; it decides nothing.
/// </summary>
public interface IRateCounterStore
{
    /// <summary>
    /// The counter of <paramref name="key"/> and its version, or null when there is none; <paramref name="windowStart"/>
    /// is the current window's start (the store may keep each day's counters apart and drop them whole later).
    /// </summary>
    Task<Versioned<RateCounter>?> FindAsync(string key, Instant windowStart, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="counter"/> under <paramref name="key"/>: inserted when <paramref name="version"/> is null,
    /// else replaced only at that version. False when another writer got there first.
    /// </summary>
    Task<bool> TrySaveAsync(string key, RateCounter counter, string? version, CancellationToken cancellationToken);
}

/// <summary>Requests counted in the window that starts at <paramref name="WindowStart"/>.</summary>
public sealed record RateCounter(Instant WindowStart, int Count);
