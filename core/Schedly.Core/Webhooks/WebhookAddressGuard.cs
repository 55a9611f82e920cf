using System.Net;
using System.Net.Sockets;

namespace Schedly.Core.Webhooks;

/// <summary>
/// Server-side request forgery guard for webhook URLs. Outside local runs an endpoint must be https, and every address
/// it resolves to must be public: not loopback, unspecified, private (10/8, 172.16/12, 192.168/16), shared (100.64/10),
/// link-local (169.254/16, which holds the cloud metadata service 169.254.169.254), Azure's platform address
/// 168.63.129.16 (DNS, health probes, the VM agent), multicast, broadcast or reserved; for IPv6 not ::1, ::,
/// unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast, Teredo 2001::/32 (its embedded IPv4
/// addresses are obfuscated and reach through a relay) or local-use NAT64 64:ff9b:1::/48 (translated inside the
/// network it serves); IPv4-mapped, IPv4-compatible, well-known NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses
/// are judged by the IPv4 address inside. The address check runs again when connecting (after DNS), so a name that
/// later resolves to a private address is refused too. A host name with a trailing dot (<c>localhost.</c>) is refused
/// at registration: it names the same host as without the dot and would slip past the name checks.
/// </summary>
public static class WebhookAddressGuard
{
    /// <summary>True when <paramref name="address"/> may be connected to from the cloud.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address) || IPAddress.IPv6Any.Equals(address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if ((bytes[0] & 0xFE) == 0xFC // fc00::/7 unique local
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) // fe80::/10 link-local
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0xC0) // fec0::/10 site-local (deprecated)
            || bytes[0] == 0xFF // multicast
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x00 && bytes[3] == 0x00) // 2001::/32 Teredo
            || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes[4] == 0x00 && bytes[5] == 0x01)) // 64:ff9b:1::/48 local NAT64
        {
            return false;
        }

        // 2002::/16 6to4: the IPv4 address is in bytes 2 to 5.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsPublicV4(bytes.AsSpan(2, 4));
        }

        // 64:ff9b::/96 (NAT64) and ::/96 (IPv4-compatible): judge the embedded IPv4 address.
        var nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        return nat64 || compatible ? IsPublicV4(bytes[12..]) : true;
    }

    /// <summary>
    /// Checks a URL as registered: absolute http(s) without user info; outside local runs https only, and a literal IP or
    /// <c>localhost</c> host must be public. Returns null when acceptable, else why not.
    /// </summary>
    public static string? CheckUrl(Uri? url, bool allowPrivateAddresses)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Must be an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "Must not contain a user name or password.";
        }

        if (!string.IsNullOrEmpty(url.Fragment))
        {
            return "Must not contain a fragment.";
        }

        if (allowPrivateAddresses)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "Must be an https URL.";
        }

        var host = url.IdnHost.Trim('[', ']');
        if (host.EndsWith('.'))
        {
            return "Must be a host name without a trailing dot.";
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            return "Must be a public host name or address.";
        }

        return IPAddress.TryParse(host, out var literal) && !IsPublic(literal)
            ? "Must be a public address (not loopback, private, link-local or metadata)."
            : null;
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> b) =>
        !(b[0] == 0 // 0/8 "this network"
          || b[0] == 10 // 10/8
          || b[0] == 127 // loopback
          || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64/10 shared address space
          || (b[0] == 169 && b[1] == 254) // link-local, metadata
          || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16) // Azure platform address (wireserver)
          || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16/12
          || (b[0] == 192 && b[1] == 168) // 192.168/16
          || (b[0] == 192 && b[1] == 0 && b[2] == 0) // 192.0.0/24 protocol assignments
          || (b[0] == 198 && (b[1] & 0xFE) == 18) // 198.18/15 benchmarking
          || b[0] >= 224); // multicast, reserved, broadcast
}

/// <summary>A webhook connection was refused because the host resolved to no public address.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
