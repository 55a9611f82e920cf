using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace Schedly.Core.Abuse;

/// <summary>
/// ALTCHA-compatible proof of work (protocol v1, SHA-256), stateless until a solution is used. A challenge is
/// SHA-256(salt + secret number) with the salt <c>{24 hex}?expires={unix seconds}&amp;</c> (the final <c>&amp;</c>
/// stops digits of the number being read as part of the expiry) and the server's HMAC-SHA256 of the challenge as its
/// signature, so only challenges this server issued verify. A solution is checked in memory first (signature, hash,
/// expiry) and only then claimed in <see cref="IProofOfWorkReplayStore"/>: one insert, so each is used once.
/// </summary>
public sealed class ProofOfWork
{
    public const string Algorithm = "SHA-256";

    /// <summary>The longest payload read (base64 characters); a real one is about 300.</summary>
    public const int MaxPayloadLength = 2048;

    private const string ExpiresParameter = "expires=";

    private readonly ProofOfWorkOptions _options;
    private readonly IProofOfWorkReplayStore _store;
    private readonly IClock _clock;
    private readonly byte[] _key;

    /// <param name="options">Whether it is on, the difficulty and the expiry.</param>
    /// <param name="store">Where used challenges are remembered.</param>
    /// <param name="clock">The time expiries are checked against.</param>
    /// <param name="secret">The server secret the HMAC key is derived from (with its own label, so it signs nothing else).</param>
    public ProofOfWork(ProofOfWorkOptions options, IProofOfWorkReplayStore store, IClock clock, string secret)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _options = options;
        _store = store;
        _clock = clock;
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "schedly-proof-of-work"u8);
    }

    /// <summary>Whether bookings need a solution.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>A new challenge expiring <see cref="ProofOfWorkOptions.Expiry"/> from now.</summary>
    public ProofOfWorkChallenge Create()
    {
        var expires = (_clock.GetCurrentInstant() + _options.Expiry).ToUnixTimeSeconds();
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?{ExpiresParameter}{expires.ToString(CultureInfo.InvariantCulture)}&";
        var number = RandomNumberGenerator.GetInt32(0, _options.MaxNumber + 1);
        var challenge = Hash(salt, number);
        return new ProofOfWorkChallenge(Algorithm, challenge, _options.MaxNumber, salt, Sign(challenge));
    }

    /// <summary>
    /// Checks the widget's payload (base64 of the JSON <see cref="ProofOfWorkSolution"/>) and, when it is valid, uses
    /// it up. <paramref name="claimant"/> (the request's idempotency key, if any) lets a retry of the same request
    /// through once more.
    /// </summary>
    public async Task<ProofOfWorkVerdict> VerifyAsync(string? payload, string? claimant, CancellationToken cancellationToken)
    {
        if (Decode(payload) is not { } solution)
        {
            return ProofOfWorkVerdict.Missing;
        }

        var verdict = Check(solution, out var expires);
        if (verdict != ProofOfWorkVerdict.Accepted)
        {
            return verdict;
        }

        return await _store.TryClaimAsync(solution.Challenge!, expires, claimant, cancellationToken).ConfigureAwait(false)
            ? ProofOfWorkVerdict.Accepted
            : ProofOfWorkVerdict.Replayed;
    }

    private ProofOfWorkVerdict Check(ProofOfWorkSolution solution, out Instant expires)
    {
        expires = default;
        if (solution is not { Algorithm: Algorithm, Challenge: { Length: 64 } challenge, Number: { } number, Salt: { } salt, Signature: { } signature }
            || number < 0 || number > ProofOfWorkOptions.MaxMaxNumber
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(challenge)))
            || !string.Equals(Hash(salt, number), challenge, StringComparison.Ordinal)
            || ExpiresOf(salt) is not { } expiry)
        {
            return ProofOfWorkVerdict.Invalid;
        }

        expires = expiry;
        return expiry <= _clock.GetCurrentInstant() ? ProofOfWorkVerdict.Expired : ProofOfWorkVerdict.Accepted;
    }

    /// <summary>The expiry of a salt this server made (<c>…?expires=N&amp;</c>), or null for any other shape.</summary>
    private static Instant? ExpiresOf(string salt)
    {
        var query = salt.IndexOf('?', StringComparison.Ordinal);
        if (query < 0 || !salt.EndsWith('&'))
        {
            return null;
        }

        var parameters = salt[(query + 1)..^1];
        return parameters.StartsWith(ExpiresParameter, StringComparison.Ordinal)
            && long.TryParse(parameters.AsSpan(ExpiresParameter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= Instant.MaxValue.ToUnixTimeSeconds()
            ? Instant.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static ProofOfWorkSolution? Decode(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload) || payload.Length > MaxPayloadLength)
        {
            return null;
        }

        var bytes = new byte[payload.Length];
        if (!Convert.TryFromBase64String(payload.Trim(), bytes, out var length))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProofOfWorkSolution>(bytes.AsSpan(0, length), SolutionJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions SolutionJson = new() { PropertyNameCaseInsensitive = true };

    private static string Hash(string salt, long number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challenge)));
}
