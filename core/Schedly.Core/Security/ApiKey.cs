using System.Security.Cryptography;

namespace Schedly.Core.Security;

/// <summary>
/// A bearer secret. A host API key reads <c>sk_{id}_{secret}</c>: a 12-character key id (public,
/// used to find the key's owner with one point read) and 32 random bytes (256 bits) in base64url.
/// Shown to its owner once; only its <see cref="ApiKeyHash"/> is stored.
/// </summary>
public sealed record ApiKey
{
    private const string Prefix = "sk_";
    private const int SecretBytes = 32;

    private const int IdLength = 12;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private ApiKey(string value, string id = "")
    {
        Value = value;
        Id = id;
    }

    public string Value { get; }

    /// <summary>The key id; empty for secrets without one (manage tokens).</summary>
    public string Id { get; }

    public ApiKeyHash Hash => ApiKeyHash.Of(Value);

    public static ApiKey Generate()
    {
        Span<char> id = stackalloc char[IdLength];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }

        var keyId = new string(id);
        return new(Prefix + keyId + "_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes)), keyId);
    }

    /// <summary>The key id of a presented <c>sk_{id}_{secret}</c> key, or null when it has none.</summary>
    public static string? TryReadId(string? presented)
    {
        if (presented is null || presented.Length < Prefix.Length + IdLength + 2 || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[Prefix.Length + IdLength] != '_')
        {
            return null;
        }

        var id = presented.Substring(Prefix.Length, IdLength);
        return id.All(c => IdAlphabet.Contains(c, StringComparison.Ordinal)) ? id : null;
    }

    /// <summary>A calendar-feed token: 256 random bits, prefixed <c>ft_</c>; it rides in the feed URL by design.</summary>
    public static ApiKey GenerateFeedToken() => new("ft_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>A sign-in link token: 256 random bits, prefixed <c>sl_</c>; it rides in the emailed link's fragment.</summary>
    public static ApiKey GenerateSignInToken() => new("sl_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>A session id: 256 random bits, prefixed <c>ss_</c>; it lives only in the browser's HttpOnly cookie.</summary>
    public static ApiKey GenerateSessionId() => new("ss_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>Wraps a secret made elsewhere (see <see cref="ManageTokenIssuer"/>).</summary>
    internal static ApiKey FromValue(string value) => new(value);

    /// <summary>Hides the secret from logs and debugger displays.</summary>
    public override string ToString() => Value[..3] + "…";
}
