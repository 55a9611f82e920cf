using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts;

/// <summary><c>GET /api/hosts/{host}</c>: the public profile a booking page shows. No personal data.</summary>
public sealed class GetHost(GetHostProfile getHostProfile, Core.Abuse.ProofOfWork proofOfWork)
{
    /// <summary>What the booking page of a suspended host says.</summary>
    public const string SuspendedDetail = "This booking page is closed: the host is not taking bookings at the moment.";

    [Function(nameof(GetHost))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hosts/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        var profile = slug is null ? null : await getHostProfile.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false);
        return profile is null
            ? Problem.NotFound("No host has that name.")
            : profile.Suspended
            ? new Problem(ProblemKind.HostSuspended, SuspendedDetail)
            : JsonBody.Ok(PublicHostResponse.From(profile, proofOfWork.Enabled)).WithHeader("Cache-Control", "public, max-age=60");
    }
}
