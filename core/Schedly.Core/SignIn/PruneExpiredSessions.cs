using NodaTime;

namespace Schedly.Core.SignIn;

/// <summary>
/// Deletes the sessions whose end has passed. An expired session is refused already (<see cref="HostSession.IsValidFor"/>);
/// this only keeps the <c>sessions</c> table from growing with every sign-in. At most <see cref="MaxPerRun"/> per run
/// (the daily timer's next run takes the rest): one filtered scan of the table's keys, then one delete per session.
/// </summary>
public sealed class PruneExpiredSessions(ISignInStore store, IClock clock)
{
    public const int MaxPerRun = 5000;

    /// <summary>Deletes up to <see cref="MaxPerRun"/> expired sessions; returns how many.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ListSessionsExpiredBeforeAsync(clock.GetCurrentInstant(), MaxPerRun, cancellationToken).ConfigureAwait(false);
        foreach (var idHash in expired)
        {
            await store.DeleteSessionAsync(idHash, cancellationToken).ConfigureAwait(false);
        }

        return expired.Count;
    }
}
