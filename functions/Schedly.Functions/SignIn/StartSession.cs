using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Abuse;
using Schedly.Core.SignIn;
using Schedly.Functions.Http;

namespace Schedly.Functions.SignIn;

/// <summary>
/// <c>POST /api/sign-in/session</c> <c>{ "token" }</c>: redeems an emailed link (<see cref="RedeemSignInLink"/>). 200
/// with the host and a session cookie (<see cref="SessionCookie"/>); 401 <c>unauthorized</c> with the reason when the
/// link has expired, was used already or is unknown. Rate-limited per client address like asking for a link.
/// </summary>
public sealed class StartSession(PublicRateLimit rateLimit, RedeemSignInLink redeem, IClock clock)
{
    [Function(nameof(StartSession))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sign-in/session")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<SignInSessionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (string.IsNullOrWhiteSpace(body.Value!.Token))
        {
            return Problem.Validation("token", "Required: the token from the sign-in link.");
        }

        if (await rateLimit.CheckAsync(request, RateLimitedAction.SignIn, null, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var result = await redeem.ExecuteAsync(body.Value.Token.Trim(), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            RedeemResult.SignedIn signedIn => JsonBody.Ok(new SignInSessionResponse(signedIn.Host.Value, InstantPattern.General.Format(signedIn.ExpiresAt)))
                .WithHeader("Set-Cookie", SessionCookie.Issue(request, signedIn.SessionId, signedIn.ExpiresAt, clock.GetCurrentInstant())),
            RedeemResult.Unusable unusable => Problem.Unauthorized(unusable.Reason),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}
