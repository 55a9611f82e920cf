using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime.Text;
using Schedly.Core.SignIn;
using Schedly.Functions.Http;

namespace Schedly.Functions.SignIn;

/// <summary>
/// <c>GET /api/sign-in/session</c>: the host the session cookie signs in (200), or 204 without a valid session (not an
/// error: the dashboard asks on every load, before it knows how the host signs in).
/// </summary>
public sealed class GetSession(HostSessions sessions)
{
    [Function(nameof(GetSession))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sign-in/session")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var session = await sessions.FindValidAsync(SessionCookie.From(request), cancellationToken).ConfigureAwait(false);
        return session is null
            ? new NoContentBody()
            : JsonBody.Ok(new SignInSessionResponse(session.Host.Value, InstantPattern.General.Format(session.ExpiresAt)));
    }
}
