using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Schedly.Core.Hosts;
using Schedly.Core.Hosts.Photos;

namespace Schedly.AzureStorage.Photos;

/// <summary>
/// Host photos as block blobs in the private container <see cref="ContainerName"/>, named <c>{host}/{photo id}</c> and
/// stored with the photo's content type. The container is never public: the app serves the photos itself.
/// </summary>
public sealed class BlobHostPhotoStore(BlobServiceClient blobs) : IHostPhotoStore
{
    public const string ContainerName = "hostphotos";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);

    public async Task SaveAsync(HostSlug host, HostPhoto photo, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = photo.Format.ContentType } };
        await Blob(host, photo).UploadAsync(BinaryData.FromBytes(bytes), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> ReadAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Blob(host, photo).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken) =>
        await Blob(host, photo).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private BlobClient Blob(HostSlug host, HostPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(photo);
        return _container.GetBlobClient($"{host.Value}/{photo.Id}");
    }
}
