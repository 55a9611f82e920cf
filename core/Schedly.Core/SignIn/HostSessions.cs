using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// The sessions of signed-in hosts: which host a presented session id stands for (one point read of the session and
/// one of the host), signing one browser out, and signing out everywhere.
/// </summary>
public sealed class HostSessions(ISignInStore store, IHostRepository hosts, IClock clock)
{
    /// <summary>The session of <paramref name="sessionId"/> when it is still valid for its host, else null.</summary>
    public async Task<HostSession?> FindValidAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 200)
        {
            return null;
        }

        var session = await store.FindSessionAsync(ApiKeyHash.Of(sessionId), cancellationToken).ConfigureAwait(false);
        var host = session is null ? null : await hosts.FindAsync(session.Host, cancellationToken).ConfigureAwait(false);
        return host is not null && session!.IsValidFor(host.Value, clock.GetCurrentInstant()) ? session : null;
    }

    /// <summary>Ends the session of <paramref name="sessionId"/>, if there is one.</summary>
    public Task SignOutAsync(string? sessionId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(sessionId) || sessionId.Length > 200
            ? Task.CompletedTask
            : store.DeleteSessionAsync(ApiKeyHash.Of(sessionId), cancellationToken);

    /// <summary>Ends every session of <paramref name="slug"/> begun until now; false when there is no such host.</summary>
    public Task<bool> SignOutEverywhereAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return OptimisticConcurrency.RunAsync<bool>("Session revocation", async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            return await hosts.TryUpdateAsync(current.Value.WithSessionsRevoked(clock.GetCurrentInstant()), current.Version, ct).ConfigureAwait(false)
                ? true
                : Attempt<bool>.Conflict;
        }, cancellationToken);
    }
}
