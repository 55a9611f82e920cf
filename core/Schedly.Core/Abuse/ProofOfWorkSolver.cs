using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Schedly.Core.Abuse;

/// <summary>
/// The client's side of <see cref="ProofOfWork"/>, as the ALTCHA widget does it: tries numbers from 0 until
/// SHA-256(salt + number) is the challenge, then encodes the payload (base64 JSON). For tools and tests that book
/// without a browser.
/// </summary>
public static class ProofOfWorkSolver
{
    /// <summary>The payload solving <paramref name="challenge"/>, or null when no number up to its maximum does.</summary>
    public static string? Solve(ProofOfWorkChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var target = Convert.FromHexString(challenge.Challenge);
        for (var number = 0; number <= challenge.MaxNumber; number++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + number.ToString(CultureInfo.InvariantCulture)));
            if (hash.AsSpan().SequenceEqual(target))
            {
                return Encode(new ProofOfWorkSolution(challenge.Algorithm, challenge.Challenge, number, challenge.Salt, challenge.Signature));
            }
        }

        return null;
    }

    /// <summary>A payload as the widget sends it: base64 of the solution's JSON (camelCase names).</summary>
    public static string Encode(ProofOfWorkSolution solution) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(solution, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
}
