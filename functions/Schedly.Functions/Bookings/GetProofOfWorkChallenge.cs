using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>
/// <c>GET /api/proof-of-work/challenge</c>: a fresh ALTCHA challenge for the booking form (no storage touched; never
/// cached). 404 when proof of work is off.
/// </summary>
public sealed class GetProofOfWorkChallenge(Core.Abuse.ProofOfWork proofOfWork)
{
    [Function(nameof(GetProofOfWorkChallenge))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proof-of-work/challenge")] HttpRequest request) =>
        proofOfWork.Enabled
            ? JsonBody.Ok(proofOfWork.Create()).WithHeader("Cache-Control", "no-store")
            : Problem.NotFound("Proof of work is off: bookings need no challenge.");
}
