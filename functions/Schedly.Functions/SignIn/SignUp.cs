using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;
using Schedly.Core.SignIn;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.SignIn;

/// <summary>
/// <c>POST /api/sign-up</c> <c>{ host, name, email, timeZone }</c>: open sign-up (<see cref="SignUpHost"/>), when
/// <c>Schedly__SignIn__OpenSignUp=true</c>; otherwise 404. 202 with the same body as asking for a link; 409
/// <c>policy-violation</c> when the host name is taken. Rate-limited per client address like sign-in.
/// </summary>
public sealed class SignUp(PublicRateLimit rateLimit, SignUpHost signUp)
{
    [Function(nameof(SignUp))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sign-up")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<SignUpRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (HostRoute.Parse(body.Value!.Host) is not { } slug)
        {
            return Problem.Validation("host", HostSlug.Rule);
        }

        if (await rateLimit.CheckAsync(request, RateLimitedAction.SignIn, null, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var result = await signUp.ExecuteAsync(slug, new HostProfileDraft(body.Value.Name, body.Value.Email, body.Value.TimeZone), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            SignUpResult.Accepted => new JsonBody(StatusCodes.Status202Accepted, new { detail = RequestSignInLink.Accepted }),
            SignUpResult.Invalid invalid => Problem.Validation(invalid.Errors),
            SignUpResult.Taken => new Problem(ProblemKind.PolicyViolation, "That name is taken: choose another for your booking link."),
            SignUpResult.Closed => Problem.NotFound("Sign-up is closed here: ask the operator for an invitation."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}

/// <summary>Body of <c>POST /api/sign-up</c>.</summary>
public sealed record SignUpRequest(string? Host, string? Name, string? Email, string? TimeZone);
