using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Deletes the intents of collective bookings whose meeting ended more than <see cref="KeptAfterMeeting"/> ago. Until
/// then an intent still has work: a retried request with its idempotency key (a day) finds its booking through it, and
/// cancelling any member's booking cancels them all through it. By then its holds were decided long ago (they expire
/// after minutes and recovery settles them), and a member's booking cancelled later is cancelled on its own.
/// </summary>
public sealed class PruneCollectiveIntents(ICollectiveIntents intents, IClock clock)
{
    public static readonly Duration KeptAfterMeeting = Duration.FromDays(30);

    public const int MaxPerRun = 5000;

    /// <summary>Deletes up to <see cref="MaxPerRun"/> finished intents; returns how many.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var finished = await intents.ListEndedBeforeAsync(clock.GetCurrentInstant() - KeptAfterMeeting, MaxPerRun, cancellationToken).ConfigureAwait(false);
        foreach (var id in finished)
        {
            await intents.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return finished.Count;
    }
}
