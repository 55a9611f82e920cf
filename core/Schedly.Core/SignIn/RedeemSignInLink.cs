using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// Turns an emailed link into a session: the link is taken out of storage first (so it works once, even when two
/// tabs redeem it at the same moment), then checked for expiry and for its host (present, not suspended). The new
/// session id is 256 random bits, stored as its hash; the caller puts the id in an HttpOnly cookie.
/// </summary>
public sealed class RedeemSignInLink(ISignInStore store, IHostRepository hosts, SignInOptions options, IClock clock)
{
    public async Task<RedeemResult> ExecuteAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return RedeemResult.Unusable.UnknownOrUsed;
        }

        var now = clock.GetCurrentInstant();
        var link = await store.TakeLinkAsync(ApiKeyHash.Of(token), now, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            return RedeemResult.Unusable.UnknownOrUsed;
        }

        if (!link.IsValidAt(now))
        {
            return RedeemResult.Unusable.Expired;
        }

        var host = await hosts.FindAsync(link.Host, cancellationToken).ConfigureAwait(false);
        if (host is null || host.Value.Suspended)
        {
            return RedeemResult.Unusable.Refused;
        }

        var id = ApiKey.GenerateSessionId();
        var session = new HostSession(id.Hash, link.Host, now, now + options.SessionLifetime);
        await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        return new RedeemResult.SignedIn(link.Host, id, session.ExpiresAt);
    }
}

public abstract record RedeemResult
{
    private RedeemResult()
    {
    }

    /// <summary>A new session for <paramref name="Host"/>; <paramref name="SessionId"/> goes into the cookie and nowhere else.</summary>
    public sealed record SignedIn(HostSlug Host, ApiKey SessionId, Instant ExpiresAt) : RedeemResult;

    /// <summary>The link cannot sign anyone in; <paramref name="Reason"/> says why, in words for the host.</summary>
    public sealed record Unusable(string Reason) : RedeemResult
    {
        public static readonly Unusable UnknownOrUsed = new("This sign-in link has expired or has already been used. Ask for a new one.");

        public static readonly Unusable Expired = new("This sign-in link has expired. Ask for a new one.");

        public static readonly Unusable Refused = new("This account cannot sign in. Contact the operator of this site.");
    }
}
