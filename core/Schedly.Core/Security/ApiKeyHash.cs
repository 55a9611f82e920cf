using System.Security.Cryptography;
using System.Text;

namespace Schedly.Core.Security;

/// <summary>
/// The SHA-256 of a secret, as lowercase hex. Secrets are 256-bit random, so an unsalted fast
/// hash is sound here (no dictionary to attack); comparison is constant-time.
/// </summary>
public sealed record ApiKeyHash
{
    private ApiKeyHash(string hex) => Hex = hex;

    public string Hex { get; }

    public static ApiKeyHash Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }

    public static ApiKeyHash FromStored(string hex)
    {
        ArgumentException.ThrowIfNullOrEmpty(hex);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw new FormatException("A stored key hash is 64 lowercase hex digits.");
        }

        return new(hex);
    }

    /// <summary>True when <paramref name="presentedSecret"/> hashes to this value; constant-time in the hash.</summary>
    public bool Matches(string presentedSecret)
    {
        ArgumentNullException.ThrowIfNull(presentedSecret);
        var presented = Of(presentedSecret);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(presented.Hex), Encoding.ASCII.GetBytes(Hex));
    }
}
