using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.SignIn;
using Schedly.Functions.Http;

namespace Schedly.Functions.SignIn;

/// <summary>
/// <c>DELETE /api/sign-in/session</c>: signs this browser out (the session is deleted and the cookie cleared); 204
/// whether or not there was a session. Needs <see cref="SessionCookie.CsrfHeader"/>, so another site cannot sign a host out.
/// </summary>
public sealed class EndSession(HostSessions sessions)
{
    [Function(nameof(EndSession))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/sign-in/session")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (SessionCookie.CrossSiteRefusal(request) is { } refusal)
        {
            return Problem.Forbidden(refusal);
        }

        await sessions.SignOutAsync(SessionCookie.From(request), cancellationToken).ConfigureAwait(false);
        return new NoContentBody().WithHeader("Set-Cookie", SessionCookie.Clear(request));
    }
}
