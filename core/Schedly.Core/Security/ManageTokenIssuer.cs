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

    public ApiKey Issue(BookingId booking) => Sign("mt_", "schedly-manage-token|", booking);

    /// <summary>
    /// The token of the host's approve/decline link for a <c>pendingApproval</c> booking: the same secret under another
    /// purpose, so neither token can stand in for the other. It is never stored: <see cref="IsApprovalToken"/> recomputes it.
    /// The link acts once because answering moves the booking out of <c>pendingApproval</c> in one conditional write.
    /// </summary>
    public ApiKey IssueApproval(BookingId booking) => Sign("ap_", "schedly-approval-token|", booking);

    /// <summary>Whether <paramref name="presented"/> is <paramref name="booking"/>'s approval token (compared in constant time).</summary>
    public bool IsApprovalToken(BookingId booking, string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var expected = Encoding.UTF8.GetBytes(IssueApproval(booking).Value);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presented));
    }

    private ApiKey Sign(string prefix, string purpose, BookingId booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(purpose + booking.Value));
        return ApiKey.FromValue(prefix + Base64Url.Encode(mac));
    }
}
