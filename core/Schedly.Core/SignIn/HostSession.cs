using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// A signed-in browser as stored: the SHA-256 of its session id (the id itself lives only in the browser's HttpOnly
/// cookie), its host, when it began and when it ends. Signing out deletes it; "sign out everywhere" moves the host's
/// <see cref="Host.SessionsValidFrom"/> past every session that began before.
/// </summary>
public sealed record HostSession(ApiKeyHash IdHash, HostSlug Host, Instant CreatedAt, Instant ExpiresAt)
{
    /// <summary>
    /// True while <paramref name="now"/> is before <see cref="ExpiresAt"/>, the host is not suspended and has not
    /// revoked its sessions since this one began.
    /// </summary>
    public bool IsValidFor(Host host, Instant now)
    {
        ArgumentNullException.ThrowIfNull(host);
        return now < ExpiresAt && host.Slug == Host && !host.Suspended
            && (host.SessionsValidFrom is not { } from || CreatedAt >= from);
    }
}
