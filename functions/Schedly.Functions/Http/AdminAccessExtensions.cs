using Microsoft.AspNetCore.Http;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Functions.Http;

/// <summary>Applies <see cref="AdminAccess"/> to a request: null when allowed, else the 401/403 problem.</summary>
public static class AdminAccessExtensions
{
    /// <summary>
    /// Null when the caller may proceed. Otherwise the problem to answer: 401 without a valid key,
    /// 403 for a host key on an operator-only route, and (when <paramref name="requireHost"/>) 404
    /// for a route value that cannot be a host, once the caller is known to be the operator.
    /// </summary>
    public static async Task<Problem?> DenyAsync(this AdminAccess access, HttpRequest request, HostSlug? host, bool operatorOnly, CancellationToken cancellationToken, bool requireHost = true)
    {
        ArgumentNullException.ThrowIfNull(access);
        var bearer = BearerToken.From(request);
        if (bearer is null)
        {
            return Problem.Unauthorized();
        }

        var result = await access.AuthorizeAsync(bearer, host, operatorOnly, cancellationToken)
            .ConfigureAwait(false);
        return result switch
        {
            AdminAccessResult.Operator when host is null && requireHost => Problem.NotFound("No host has that name."),
            AdminAccessResult.Operator or AdminAccessResult.HostItself => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("This key may not act on this host or route."),
            _ => Problem.Unauthorized("The key is not valid for this host."),
        };
    }
}
