using Schedly.Core.Hosts;

namespace Schedly.Core.Security;

/// <summary>
/// Who may call an admin route: the operator (any host) or a host with its own key (only itself).
/// A key is found by its id (one point read), then checked against its owner's current key hash in
/// constant time. A valid host key on another host's route is 403 whether or not that host exists,
/// so nobody learns which hosts exist; a wrong, unknown or rotated-out key is 401.
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

        var keyId = ApiKey.TryReadId(bearer);
        var owner = keyId is null ? null : await hosts.FindByApiKeyIdAsync(keyId, cancellationToken).ConfigureAwait(false);
        var stored = owner is null ? null : await hosts.FindAsync(owner, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.ApiKeyId != keyId || !stored.Value.ApiKey.Matches(bearer))
        {
            return AdminAccessResult.Unauthenticated;
        }

        // A valid key of another host: refused the same way whether or not the addressed host exists.
        if (host is null || host != stored.Value.Slug)
        {
            return AdminAccessResult.Forbidden;
        }

        return operatorOnly ? AdminAccessResult.Forbidden : AdminAccessResult.HostItself;
    }
}

public enum AdminAccessResult
{
    /// <summary>No key, or a key that is not the operator's nor this host's.</summary>
    Unauthenticated,

    /// <summary>A valid key that may not do this (a host key on an operator-only route or on another host).</summary>
    Forbidden,

    Operator,
    HostItself,
}
