using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Schedly.Core.Webhooks;

/// <summary>
/// The <c>Schedly-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + raw body)&gt;</c>.
/// Receivers recompute v1 over the raw body they received, compare in constant time and reject old timestamps.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Schedly-Signature";

    public static string Create(string secret, long unixSeconds, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Compute(secret, t, body)}";
    }

    /// <summary>
    /// True when <paramref name="header"/> carries a v1 signature of <paramref name="body"/> under <paramref name="secret"/>
    /// with a timestamp within <paramref name="tolerance"/> of <paramref name="nowUnixSeconds"/>.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, long nowUnixSeconds, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                t = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(nowUnixSeconds - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }

    private static string Compute(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
