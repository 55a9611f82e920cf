namespace Schedly.Core.Hosts.Photos;

/// <summary>Where host photos' bytes live (Blob Storage in Azure, Azurite locally), one object per host and photo id.</summary>
public interface IHostPhotoStore
{
    /// <summary>Stores the photo's bytes; storing the same photo again is harmless (same id, same bytes).</summary>
    Task SaveAsync(HostSlug host, HostPhoto photo, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>The photo's bytes, or null when this host has no such photo.</summary>
    Task<byte[]?> ReadAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken);

    /// <summary>Removes the photo; a photo already gone is not an error.</summary>
    Task DeleteAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken);
}
