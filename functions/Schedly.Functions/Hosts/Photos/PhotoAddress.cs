using Schedly.Core.Hosts;
using Schedly.Core.Hosts.Photos;

namespace Schedly.Functions.Hosts.Photos;

/// <summary>
/// Where a host's image is: its uploaded photo's path on this site (<c>/api/hosts/{host}/photos/{id}</c>, served by
/// <see cref="GetHostPhoto"/>), else the https <c>imageUrl</c> of its profile, else none. A path, not an absolute URL,
/// so the booking page loads it from the origin that served the page, whatever name the app is reached by.
/// </summary>
public static class PhotoAddress
{
    /// <summary>The image a page shows for the host, or null.</summary>
    public static string? ImageUrlOf(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ImageUrlOf(host.Slug, host.Photo, host.Profile);
    }

    /// <summary>The image the booking page shows for the host, or null.</summary>
    public static string? ImageUrlOf(PublicHostProfile host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ImageUrlOf(host.Slug, host.Photo, host.Profile);
    }

    /// <summary>The path of the host's uploaded photo, or null when it has none.</summary>
    public static string? PhotoUrlOf(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return PhotoUrlOf(host.Slug, host.Photo);
    }

    private static string? ImageUrlOf(HostSlug slug, HostPhoto? photo, HostProfile profile) =>
        PhotoUrlOf(slug, photo) ?? profile.ImageUrl?.AbsoluteUri;

    private static string? PhotoUrlOf(HostSlug slug, HostPhoto? photo) =>
        photo is null ? null : $"/api/hosts/{Uri.EscapeDataString(slug.Value)}/photos/{photo.Id}";
}
