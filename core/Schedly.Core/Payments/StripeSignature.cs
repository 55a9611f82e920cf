using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Schedly.Core.Payments;

/// <summary>
/// Checks a <c>Stripe-Signature</c> header the way Stripe signs webhooks: <c>t={unix seconds},v1={hex}[,v1=…]</c> where
/// each <c>v1</c> may be HMAC-SHA256(webhook secret, <c>"{t}.{raw body}"</c>) in lowercase hex. The signature is valid
/// when one <c>v1</c> matches (compared in constant time) and <c>t</c> is within <see cref="Tolerance"/> of now, either
/// side, so a captured request cannot be replayed later. Other schemes (<c>v0</c>) are ignored.
/// </summary>
public static class StripeSignature
{
    public static readonly Duration Tolerance = Duration.FromSeconds(300);

    /// <summary>The <c>v1</c> signature of <paramref name="payload"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Compute(string secret, long timestamp, string payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(payload);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>A header as Stripe sends it for <paramref name="payload"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Header(string secret, long timestamp, string payload) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, timestamp, payload)}";

    /// <summary>True when <paramref name="header"/> signs <paramref name="payload"/> with <paramref name="secret"/> at a time within the tolerance of <paramref name="now"/>.</summary>
    public static bool IsValid(string? header, string payload, string secret, Instant now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret) || header.Length > 4096)
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1")
            {
                signatures.Add(value);
            }
        }

        if (timestamp is not { } signedAt || signatures.Count == 0
            || Math.Abs(now.ToUnixTimeSeconds() - signedAt) > (long)Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, signedAt, payload));
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
        }

        return matched;
    }
}
