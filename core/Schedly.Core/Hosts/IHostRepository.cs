namespace Schedly.Core.Hosts;

/// <summary>Storage of hosts. Implementations are safe to call from many instances at once.</summary>
public interface IHostRepository
{
    /// <summary>The host with this slug, with a version tag for optimistic updates, or null.</summary>
    Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken);

    /// <summary>The host owning the API key with this id (possibly a retired key: check the host's current key id), or null.</summary>
    Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="keyId"/> belongs to <paramref name="host"/>; call before storing a host with that key.</summary>
    Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken);

    /// <summary>Forgets a retired key id (best effort; a stale entry is harmless, the host's current key id decides).</summary>
    Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Creates the host; false when a host with that slug already exists.</summary>
    Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the host's profile and <paramref name="updatedAt"/>, leaving its key and creation time as
    /// they are. Last writer wins, as for any profile form. False when the host does not exist.
    /// </summary>
    Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, NodaTime.Instant updatedAt, CancellationToken cancellationToken);

    /// <summary>Replaces the host when it is still at <paramref name="version"/>; false when someone changed it first.</summary>
    Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken);
}
