using System.Security.Cryptography;
using System.Text;
using Schedly.Core.Security;
using Base64UrlText = System.Buffers.Text.Base64Url;

namespace Schedly.Core.Calendars;

/// <summary>
/// Encrypts feed addresses at rest with AES-256-GCM. The key is derived with HKDF-SHA256 from the server secret (the
/// manage-token secret, which lives in Key Vault in Azure) with its own label, so it is never the secret itself and
/// nothing else uses it. Each address gets a fresh 96-bit nonce; the stored text is
/// <c>v1.{base64url(nonce ‖ ciphertext ‖ tag)}</c>, and the host and feed id are authenticated with it, so a value
/// copied to another feed's row does not decrypt. Changing the secret makes stored addresses unreadable: their feeds
/// then fail with a message asking the host to save the address again.
/// </summary>
public sealed class CalendarUrlProtector
{
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public CalendarUrlProtector(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < ManageTokenIssuer.MinSecretLength)
        {
            throw new ArgumentException($"The secret must be at least {ManageTokenIssuer.MinSecretLength} characters.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes("schedly-calendar-url-v1"));
    }

    public string Protect(Uri url, string host, string feedId)
    {
        ArgumentNullException.ThrowIfNull(url);
        var plain = Encoding.UTF8.GetBytes(url.OriginalString);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Associated(host, feedId));
        return Version + Base64UrlText.EncodeToString(output);
    }

    /// <summary>The address, or null when <paramref name="protectedUrl"/> was not made by this key for this feed.</summary>
    public Uri? Unprotect(string protectedUrl, string host, string feedId)
    {
        if (string.IsNullOrEmpty(protectedUrl) || !protectedUrl.StartsWith(Version, StringComparison.Ordinal)
            || Decode(protectedUrl[Version.Length..]) is not { Length: > NonceSize + TagSize } data)
        {
            return null;
        }

        var plain = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Associated(host, feedId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Uri.TryCreate(Encoding.UTF8.GetString(plain), UriKind.Absolute, out var url) ? url : null;
    }

    private static byte[]? Decode(string text)
    {
        try
        {
            return Base64UrlText.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Associated(string host, string feedId) => Encoding.UTF8.GetBytes(host + "|" + feedId);
}
