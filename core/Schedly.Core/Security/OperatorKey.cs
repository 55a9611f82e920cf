namespace Schedly.Core.Security;

/// <summary>The deployment's operator key, held only as a hash once configured.</summary>
public sealed class OperatorKey
{
    private readonly ApiKeyHash _hash;

    public OperatorKey(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < MinLength)
        {
            throw new ArgumentException($"The operator key must be at least {MinLength} characters (128+ bits of randomness).", nameof(secret));
        }

        _hash = ApiKeyHash.Of(secret);
    }

    public const int MinLength = 32;

    public bool Matches(string presented) => _hash.Matches(presented);
}
