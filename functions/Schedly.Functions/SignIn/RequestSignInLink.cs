using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Abuse;
using Schedly.Core.SignIn;
using Schedly.Core.Validation;
using Schedly.Functions.Http;

namespace Schedly.Functions.SignIn;

/// <summary>
/// <c>POST /api/sign-in/link</c> <c>{ "email" }</c>: asks for a sign-in link. Rate-limited per client address; the
/// address is checked for shape only and its hash queued (<c>sign-in-links</c>, see <see cref="SendSignInLinks"/>), so
/// the answer is the same <c>202</c>, as fast, whether or not a host has that address: nobody learns who has an account.
/// </summary>
public sealed class RequestSignInLink(PublicRateLimit rateLimit, QueueSignInLinkRequests queue)
{
    public const string Accepted = "If that address belongs to a host, a sign-in link is on its way. It works once, for a short time.";

    [Function(nameof(RequestSignInLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sign-in/link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<SignInLinkRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new ValidationErrors();
        var email = EmailAddressRules.Required(body.Value!.Email, "email", errors);
        if (email is null)
        {
            return Problem.Validation(errors);
        }

        if (await rateLimit.CheckAsync(request, RateLimitedAction.SignIn, null, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        await queue.EnqueueAsync(HostEmailKey.Of(email), cancellationToken).ConfigureAwait(false);
        return new JsonBody(StatusCodes.Status202Accepted, new { detail = Accepted });
    }
}
