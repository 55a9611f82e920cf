using Schedly.Core.Hosts;

namespace Schedly.Core.SignIn;

/// <summary>
/// Email address → host, one row per address (<see cref="HostEmailKey"/>), so that an email finds its host with one
/// point read; an address names at most one host (the one that set it last).
/// </summary>
public interface IHostEmailIndex
{
    /// <summary>The host whose profile email has this key, or null. May be stale: check the host's current email.</summary>
    Task<HostSlug?> FindAsync(HostEmailKey key, CancellationToken cancellationToken);

    /// <summary>Points the address at <paramref name="host"/> (replacing another host it named). Idempotent.</summary>
    Task PointAsync(HostEmailKey key, HostSlug host, CancellationToken cancellationToken);

    /// <summary>Releases the address when <paramref name="host"/> holds it; nothing otherwise.</summary>
    Task ReleaseAsync(HostEmailKey key, HostSlug host, CancellationToken cancellationToken);
}
