using System.Net;
using System.Net.Sockets;

namespace Schedly.Core.Abuse;

/// <summary>
/// Who a public request is counted against: an IPv4 address, or the /64 network of an IPv6 address (one subscriber
/// usually holds a whole /64, so counting single IPv6 addresses would let one client take any number of them). An
/// IPv4-mapped IPv6 address counts as its IPv4 address. <see cref="Value"/> is safe as a Table Storage key (no
/// <c>/</c>, <c>\</c>, <c>#</c> or <c>?</c>).
/// </summary>
public sealed record ClientAddress
{
    private ClientAddress(string value) => Value = value;

    /// <summary>A request whose address is not known (no connection address): all such requests share one counter.</summary>
    public static ClientAddress Unknown { get; } = new("unknown");

    public string Value { get; }

    public static ClientAddress From(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return new ClientAddress(address.ToString());
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new ClientAddress("v6:" + new IPAddress(bytes) + "-64");
    }

    public override string ToString() => Value;
}
