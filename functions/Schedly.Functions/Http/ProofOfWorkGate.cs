using Schedly.Core.Abuse;

namespace Schedly.Functions.Http;

/// <summary>
/// The proof-of-work step of a protected route: null when proof of work is off or the payload is accepted (and now
/// used up), otherwise the 403 problem to answer: <c>proof-of-work-required</c> (missing, forged, wrong or expired) or
/// <c>proof-of-work-replayed</c>.
/// </summary>
public sealed class ProofOfWorkGate(ProofOfWork proofOfWork)
{
    public async Task<Problem?> CheckAsync(string? payload, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!proofOfWork.Enabled)
        {
            return null;
        }

        var verdict = await proofOfWork.VerifyAsync(payload, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return verdict switch
        {
            ProofOfWorkVerdict.Accepted => null,
            ProofOfWorkVerdict.Missing => new Problem(ProblemKind.ProofOfWorkRequired,
                "Send the solved challenge from GET /api/proof-of-work/challenge as 'altcha' (base64 JSON: algorithm, challenge, number, salt, signature)."),
            ProofOfWorkVerdict.Invalid => new Problem(ProblemKind.ProofOfWorkRequired, "The proof of work does not solve a challenge this service issued. Fetch a new challenge."),
            ProofOfWorkVerdict.Expired => new Problem(ProblemKind.ProofOfWorkRequired, "The proof-of-work challenge has expired. Fetch a new challenge."),
            ProofOfWorkVerdict.Replayed => new Problem(ProblemKind.ProofOfWorkReplayed, "This solution was already used. Solve a new challenge for each booking."),
            _ => throw new InvalidOperationException($"Unexpected verdict {verdict}."),
        };
    }
}
