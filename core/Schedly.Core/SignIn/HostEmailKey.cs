using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// The storage key of an email address: the SHA-256 (hex) of the address trimmed and lower-cased, so
/// <c>Ada@Example.com</c> and <c>ada@example.com</c> are one key and the index holds no address in clear.
/// </summary>
public sealed record HostEmailKey
{
    private HostEmailKey(string hex) => Hex = hex;

    public string Hex { get; }

    public static HostEmailKey Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new(ApiKeyHash.Of("email:" + email.Trim().ToLowerInvariant()).Hex);
    }

    /// <summary>A key as carried in a queue message; null unless 64 lowercase hex digits.</summary>
    public static HostEmailKey? TryParse(string? hex) =>
        hex is { Length: 64 } && hex.All(char.IsAsciiHexDigitLower) ? new HostEmailKey(hex) : null;

    public override string ToString() => Hex;
}
