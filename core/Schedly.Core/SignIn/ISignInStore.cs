using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// Where sign-in links and sessions live, keyed by the SHA-256 of their secret. The adapter translates; it decides
/// nothing (expiry and revocation are the use cases').
/// </summary>
public interface ISignInStore
{
    Task SaveLinkAsync(SignInLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the link with this hash and returns it, or null when there is none (never issued, already taken, or
    /// expired long enough ago that the store dropped it). Of two concurrent calls for one link exactly one gets it:
    /// this is what makes a link single-use. <paramref name="now"/> tells the store where links still valid may be.
    /// </summary>
    Task<SignInLink?> TakeLinkAsync(ApiKeyHash tokenHash, NodaTime.Instant now, CancellationToken cancellationToken);

    Task SaveSessionAsync(HostSession session, CancellationToken cancellationToken);

    /// <summary>The session with this hash, or null.</summary>
    Task<HostSession?> FindSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken);

    /// <summary>Deletes the session with this hash; nothing when there is none.</summary>
    Task DeleteSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken);

    /// <summary>The hashes of at most <paramref name="max"/> sessions whose <see cref="HostSession.ExpiresAt"/> is before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<ApiKeyHash>> ListSessionsExpiredBeforeAsync(NodaTime.Instant before, int max, CancellationToken cancellationToken);
}
