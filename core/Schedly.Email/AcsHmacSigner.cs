using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Schedly.Email;

/// <summary>
/// The Azure Communication Services access-key signature. For a request it produces three headers:
/// <c>x-ms-date</c> (RFC 1123), <c>x-ms-content-sha256</c> (base64 SHA-256 of the body) and
/// <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…</c>, where the
/// signature is base64 HMAC-SHA256, keyed with the base64-decoded access key, of
/// <c>{METHOD}\n{path and query}\n{date};{host};{content hash}</c>.
/// </summary>
public sealed class AcsHmacSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    private readonly byte[] _key;

    /// <param name="accessKey">The base64 access key of the Communication Services resource.</param>
    public AcsHmacSigner(string accessKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        try
        {
            _key = Convert.FromBase64String(accessKey);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The access key must be base64.", nameof(accessKey), exception);
        }
    }

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The base64 signature.</summary>
    public string Sign(string method, string pathAndQuery, string host, string date, string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(date);
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var stringToSign = $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The value of the Authorization header.</summary>
    public string Authorization(string method, string pathAndQuery, string host, string date, string contentHash) =>
        $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={Sign(method, pathAndQuery, host, date, contentHash)}";

    /// <summary>The Host header value for a URI: the host, plus the port when it is not the scheme's default.</summary>
    public static string HostOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
    }
}
