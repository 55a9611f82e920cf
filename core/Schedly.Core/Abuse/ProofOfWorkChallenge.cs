using System.Text.Json.Serialization;

namespace Schedly.Core.Abuse;

/// <summary>
/// One challenge as the ALTCHA widget fetches it: find <c>number</c> in 0..<see cref="MaxNumber"/> such that
/// SHA-256(<see cref="Salt"/> + number) is <see cref="Challenge"/> (lowercase hex). <see cref="Signature"/> is the
/// server's HMAC of the challenge, so the server keeps no state until a solution is used.
/// </summary>
public sealed record ProofOfWorkChallenge(string Algorithm, string Challenge, [property: JsonPropertyName("maxnumber")] int MaxNumber, string Salt, string Signature);

/// <summary>What the client sends back (the widget's payload, base64 JSON): the challenge and the number it found.</summary>
public sealed record ProofOfWorkSolution(string? Algorithm, string? Challenge, long? Number, string? Salt, string? Signature);

/// <summary>The outcome of checking a solution.</summary>
public enum ProofOfWorkVerdict
{
    /// <summary>Solved, signed by this server, in time, and used now for the first time.</summary>
    Accepted,

    /// <summary>No payload, or one that is not base64 JSON of the expected shape.</summary>
    Missing,

    /// <summary>Not signed by this server, another algorithm, or a number that does not solve the challenge.</summary>
    Invalid,

    /// <summary>Signed and solved, but past the expiry in its salt.</summary>
    Expired,

    /// <summary>Valid, but already used once.</summary>
    Replayed,
}
