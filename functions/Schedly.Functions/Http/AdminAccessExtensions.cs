using Microsoft.AspNetCore.Http;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Functions.Http;

/// <summary>Applies <see cref="AdminAccess"/> to a request: null when allowed, else the 401/403 problem.</summary>
public static class AdminAccessExtensions
{
    public static async Task<Problem?> DenyAsync(this AdminAccess access, HttpRequest request, HostSlug? host, bool operatorOnly, CancellationToken cancellationToken)
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
            AdminAccessResult.Operator or AdminAccessResult.HostItself => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("This route needs the operator key."),
            _ => Problem.Unauthorized("The key is not valid for this host."),
        };
    }
}
