using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Functions.Http;

/// <summary>
/// The one preamble of every admin route: parses the <c>{host}</c> route value and authorizes the bearer key for
/// it with <see cref="AdminAccess"/>, so each function starts from an authorized host or the problem to answer.
/// </summary>
public sealed class AdminRoutes(AdminAccess access)
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
            return Problem.Unauthorized();
        }

        var result = await access.AuthorizeAsync(bearer, host, operatorOnly: false, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            AdminAccessResult.Operator or AdminAccessResult.HostItself => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("This key may not act on this host or route."),
            _ => Problem.Unauthorized("The key is not valid for this host."),
        };
    }
}

/// <summary>An admin request bound to its host: <see cref="Host"/> when <see cref="Allowed"/>, else <see cref="Problem"/>.</summary>
public sealed record AdminRoute(HostSlug? Host, Problem? Problem)
{
    [MemberNotNullWhen(true, nameof(Host))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Allowed => Problem is null && Host is not null;
}
