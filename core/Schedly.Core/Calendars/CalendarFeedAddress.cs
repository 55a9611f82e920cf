using System.Net;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Calendars;

/// <summary>
/// Which feed addresses Schedly fetches (server-side request forgery guard, built on <see cref="WebhookAddressGuard"/>).
/// Outside local runs a feed URL must be https, and every address its host resolves to must be public (checked again
/// at connect time, and for every redirect). Local runs (<c>allowLocal</c>) also accept http and loopback
/// addresses, but never any other private, link-local or metadata address, so a feed cannot reach into a network even
/// on a developer's machine.
/// </summary>
public static class CalendarFeedAddress
{
    public const int MaxUrlLength = 2048;

    /// <summary>Azure's platform address (WireServer: DNS, DHCP, health probes), public by range but never a calendar.</summary>
    public static readonly IPAddress AzurePlatform = IPAddress.Parse("168.63.129.16");

    /// <summary>True when a connection to <paramref name="address"/> is allowed.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLocal)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v4 = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (v4.Equals(AzurePlatform))
        {
            return false;
        }

        return WebhookAddressGuard.IsPublic(address) || (allowLocal && IPAddress.IsLoopback(address));
    }

    /// <summary>Null when <paramref name="url"/> may be fetched (before DNS), else why not, without echoing the URL.</summary>
    public static string? CheckUrl(Uri? url, bool allowLocal)
    {
        if (url is null || !url.IsAbsoluteUri || url.OriginalString.Length > MaxUrlLength)
        {
            return $"Must be an absolute https URL of at most {MaxUrlLength} characters.";
        }

        if (WebhookAddressGuard.CheckUrl(url, allowPrivateAddresses: allowLocal) is { } problem)
        {
            return problem;
        }

        var host = url.IdnHost.Trim('[', ']');
        if (allowLocal && host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return IPAddress.TryParse(host, out var literal) && !IsAllowed(literal, allowLocal)
            ? "Must be a public address (not private, link-local, metadata or an Azure platform address)."
            : null;
    }

    /// <summary>The address as the API shows it: scheme and host only (<c>https://calendar.google.com/…</c>); the path and query are the secret.</summary>
    public static string Mask(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority}/…" : "…";
    }
}
