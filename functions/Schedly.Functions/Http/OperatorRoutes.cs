using Microsoft.AspNetCore.Http;
using Schedly.Core.Security;

namespace Schedly.Functions.Http;

/// <summary>The preamble of operator-only routes (teams): null when the bearer is the operator key, else 401/403.</summary>
public sealed class OperatorRoutes(AdminAccess access)
{
    public async Task<Problem?> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = BearerToken.From(request);
        if (bearer is null)
        {
            return Problem.Unauthorized();
        }

        return await access.AuthorizeAsync(bearer, null, operatorOnly: true, cancellationToken).ConfigureAwait(false) switch
        {
            AdminAccessResult.Operator => null,
            AdminAccessResult.Forbidden => Problem.Forbidden("Only the operator may change teams."),
            _ => Problem.Unauthorized("The key is not valid."),
        };
    }
}
