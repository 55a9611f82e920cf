using System.Security.Cryptography;
using System.Text;
using Schedly.Core.Bookings;

namespace Schedly.Core.Security;

/// <summary>
/// Issues a booking's manage token as HMAC-SHA256(server secret, booking id): 256 pseudo-random bits
/// that nobody can guess without the secret. Only the token's hash is stored (and compared in
/// constant time); the secret lets the confirmation and reminder emails carry the manage link
/// without any copy of the token at rest. The secret lives in Key Vault in Azure; rotating it
/// changes the links in future emails, while tokens already issued keep working (their hashes are stored).
/// </summary>
public sealed class ManageTokenIssuer
{
    public const int MinSecretLength = 32;

    private readonly byte[] _secret;

    public ManageTokenIssuer(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < MinSecretLength)
        {
            throw new ArgumentException($"The manage-token secret must be at least {MinSecretLength} characters.", nameof(secret));
        }

        _secret = Encoding.UTF8.GetBytes(secret);
    }

    public ApiKey Issue(BookingId booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("schedly-manage-token|" + booking.Value));
        return ApiKey.FromValue("mt_" + Base64Url.Encode(mac));
    }
}
