using System.Security.Cryptography;
using System.Text;

namespace Schedly.Core.Bookings;

/// <summary>
/// A client's <c>Idempotency-Key</c> (1–255 printable ASCII characters). Stored only as a hash; the
/// first response's manage token is kept encrypted under a key derived from the idempotency key
/// itself, so only a client that presents the same key can replay it and the store alone reveals
/// nothing.
/// </summary>
public sealed class IdempotencyKey
{
    public const int MaxLength = 255;

    private readonly string _value;
    private readonly string _host;

    private IdempotencyKey(string host, string value)
    {
        _host = host;
        _value = value;
    }

    /// <summary>Hex SHA-256 naming the stored record; independent of the encryption key.</summary>
    public string StorageId => Hash("schedly-idempotency-id|" + _host + "|" + _value);

    public static IdempotencyKey? TryParse(string host, string? value)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.Any(c => c is < '!' or > '~'))
        {
            return null;
        }

        return new IdempotencyKey(host, value);
    }

    /// <summary>Hex SHA-256 of a request body, to tell a true replay from a reused key.</summary>
    public static string HashRequest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(EncryptionKey(), tag.Length);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. ciphertext]);
    }

    public string? Unprotect(string protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        try
        {
            var bytes = Convert.FromBase64String(protectedSecret);
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            var plaintext = new byte[bytes.Length - nonceSize - tagSize];
            using var aes = new AesGcm(EncryptionKey(), tagSize);
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plaintext);
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private byte[] EncryptionKey() => SHA256.HashData(Encoding.UTF8.GetBytes("schedly-idempotency-secret|" + _host + "|" + _value));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
