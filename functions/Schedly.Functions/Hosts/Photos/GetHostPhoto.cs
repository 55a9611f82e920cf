using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts.Photos;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts.Photos;

/// <summary>
/// <c>GET /api/hosts/{host}/photos/{photo}</c> (public): a host's photo with its own content type. The address names the
/// content (<see cref="HostPhoto"/>), so it is cached for a year as <c>immutable</c>; <c>nosniff</c> and a
/// <c>sandbox</c> policy keep a browser from treating it as anything but an image. 404 for any other id.
/// </summary>
public sealed class GetHostPhoto(HostPhotos photos)
{
    /// <summary>A year, the longest a cache is asked to keep anything.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    [Function(nameof(GetHostPhoto))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hosts/{host}/photos/{photo}")] HttpRequest request,
        string host,
        string photo,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        var found = slug is null ? null : await photos.ReadAsync(slug, photo, cancellationToken).ConfigureAwait(false);
        if (found is not { } stored)
        {
            return Problem.NotFound("No photo has that address.");
        }

        return new BytesBody(stored.Bytes, stored.Photo.Format.ContentType)
            .WithHeader("Cache-Control", CacheControl)
            .WithHeader("ETag", $"\"{stored.Photo.Hash}\"")
            .WithHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
