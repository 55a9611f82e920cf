using Schedly.Core.Hosts;

namespace Schedly.Core.Security;

/// <summary>
/// Who may call an admin route: the operator (any host) or a host with its own key (only itself).
/// A host key on another host's route is refused exactly as an unknown host is, so nobody learns
/// which hosts exist.
/// </summary>
public sealed class AdminAccess(IHostRepository hosts, OperatorKey operatorKey)
{
    /// <param name="bearer">The presented key, if any.</param>
    /// <param name="host">The host the route addresses; null when the route value cannot be a host.</param>
    /// <param name="operatorOnly">True for routes only the operator may call.</param>
    /// <param name="cancellationToken">Cancels the host lookup.</param>
    public async Task<AdminAccessResult> AuthorizeAsync(string? bearer, HostSlug? host, bool operatorOnly, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(bearer))
        {
            return AdminAccessResult.Unauthenticated;
        }

        if (operatorKey.Matches(bearer))
        {
            return AdminAccessResult.Operator;
        }

        if (host is null)
        {
            return AdminAccessResult.Unauthenticated;
        }

        var stored = await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.Value.ApiKey.Matches(bearer))
        {
            return AdminAccessResult.Unauthenticated;
        }

        return operatorOnly ? AdminAccessResult.Forbidden : AdminAccessResult.HostItself;
    }
}

public enum AdminAccessResult
{
    /// <summary>No key, or a key that is not the operator's nor this host's.</summary>
    Unauthenticated,

    /// <summary>A valid key that may not do this (a host key on an operator-only route).</summary>
    Forbidden,

    Operator,
    HostItself,
}
