using System.Security.Cryptography;

namespace Schedly.Core.Security;

/// <summary>
/// A bearer secret: <c>sk_</c> then 32 random bytes (256 bits) in base64url. Shown to its owner
/// once; only its <see cref="ApiKeyHash"/> is stored.
/// </summary>
public sealed record ApiKey
{
    private const string Prefix = "sk_";
    private const int SecretBytes = 32;

    private ApiKey(string value) => Value = value;

    public string Value { get; }

    public ApiKeyHash Hash => ApiKeyHash.Of(Value);

    public static ApiKey Generate() => Generate(Prefix);

    /// <summary>Wraps a secret made elsewhere (see <see cref="ManageTokenIssuer"/>).</summary>
    internal static ApiKey FromValue(string value) => new(value);

    private static ApiKey Generate(string prefix) =>
        new(prefix + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>Hides the secret from logs and debugger displays.</summary>
    public override string ToString() => Value[..3] + "…";
}
