using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Abuse;

/// <summary>
/// The proof of work asked of the booking form (ALTCHA-compatible; see <see cref="ProofOfWork"/>), bound from
/// <c>Schedly:ProofOfWork</c> (app settings <c>Schedly__ProofOfWork__*</c>; see docs/SECURITY.md, "Abuse").
/// <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class ProofOfWorkOptions : IValidatableOptions
{
    public const string Section = "Schedly:ProofOfWork";

    /// <summary>The largest <see cref="MaxNumber"/>: a browser solves about a million SHA-256 hashes in a few seconds.</summary>
    public const int MaxMaxNumber = 10_000_000;

    /// <summary>
    /// True (default, and set in Azure): a booking needs a solved challenge. False: the challenge route answers 404 and
    /// bookings need none (tests, the load tool and the soak).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The secret number of a challenge is drawn from 0 to this; a client tries on average half of them. From 1000 to
    /// <see cref="MaxMaxNumber"/>. Default 100000 (well under a second in a browser).
    /// </summary>
    public int MaxNumber { get; set; } = 100_000;

    /// <summary>How long a challenge may be solved and used, in seconds, from 30 to 3600. Default 600.</summary>
    public int ExpirySeconds { get; set; } = 600;

    /// <summary>The expiry as a duration.</summary>
    public Duration Expiry => Duration.FromSeconds(ExpirySeconds);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxNumber is < 1000 or > MaxMaxNumber)
        {
            errors.Add($"{Section}:MaxNumber must be from 1000 to {MaxMaxNumber}.");
        }

        if (ExpirySeconds is < 30 or > 3600)
        {
            errors.Add($"{Section}:ExpirySeconds must be from 30 to 3600.");
        }

        return errors;
    }
}
