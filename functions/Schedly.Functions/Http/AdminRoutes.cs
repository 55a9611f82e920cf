using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;

namespace Schedly.Functions.Http;

/// <summary>
/// The one preamble of every admin route: parses the <c>{host}</c> route value and authorizes the caller for it, so
/// each function starts from an authorized host or the problem to answer. The caller is a bearer key
/// (<see cref="AdminAccess"/>: the operator's or the host's API key) or, without one, the dashboard's session cookie
/// (<see cref="HostSessions"/>), which acts for its own host only and, for a change, must pass
/// <see cref="SessionCookie.CrossSiteRefusal"/>.
/// </summary>
public sealed class AdminRoutes(AdminAccess access, HostSessions sessions)
{
    /// <summary>
    /// The addressed host when the caller may act on it. Otherwise the problem: 401 without a valid key, 403 for a
    /// key of another host, and 404 for a route value that cannot be a host, once the caller is known to be the operator.
    /// </summary>
    public async Task<AdminRoute> BindAsync(HttpRequest request, string? host, CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (await AuthorizeAsync(request, slug, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return new AdminRoute(null, denied);
        }

        return slug is null ? new AdminRoute(null, Problem.NotFound("No host has that name.")) : new AdminRoute(slug, null);
    }

    /// <summary>
    /// Null when the caller may act on <paramref name="host"/> (null: a route value that is not a host slug, which
    /// the caller then answers itself, as creating a host does); otherwise the 401/403 problem.
    /// </summary>
    public async Task<Problem?> AuthorizeAsync(HttpRequest request, HostSlug? host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = BearerToken.From(request);
        if (bearer is null)
        {
            return await AuthorizeSessionAsync(request, host, cancellationToken).ConfigureAwait(false);
        }

        var result = await access.AuthorizeAsync(bearer, host, operatorOnly: false, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            AdminAccessResult.Operator or AdminAccessResult.HostItself => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("This key may not act on this host or route."),
            _ => Problem.Unauthorized("The key is not valid for this host."),
        };
    }

    /// <summary>
    /// Null when the caller is the operator (bearer key only: a session is a host's, never the operator's); 401 without
    /// a valid key, 403 for a host's key.
    /// </summary>
    public async Task<Problem?> AuthorizeOperatorAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await access.AuthorizeAsync(BearerToken.From(request), null, operatorOnly: true, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            AdminAccessResult.Operator => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("Only the operator may do this."),
            _ => Problem.Unauthorized("Send 'Authorization: Bearer <operator key>'."),
        };
    }

    private async Task<Problem?> AuthorizeSessionAsync(HttpRequest request, HostSlug? host, CancellationToken cancellationToken)
    {
        var session = await sessions.FindValidAsync(SessionCookie.From(request), cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Problem.Unauthorized("Sign in, or send 'Authorization: Bearer <key>' with a valid key.");
        }

        if (host is null || host != session.Host)
        {
            return Problem.Forbidden("This session may not act on this host or route.");
        }

        return SessionCookie.CrossSiteRefusal(request) is { } refusal ? Problem.Forbidden(refusal) : null;
    }
}

/// <summary>An admin request bound to its host: <see cref="Host"/> when <see cref="Allowed"/>, else <see cref="Problem"/>.</summary>
public sealed record AdminRoute(HostSlug? Host, Problem? Problem)
{
    [MemberNotNullWhen(true, nameof(Host))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Allowed => Problem is null && Host is not null;
}
