using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// One pass of <see cref="RecoverCollective"/> over the stored holds (<see cref="CollectiveHolds"/>, without terms: it
/// never takes a hold), and the next pass queued when recovery asks for one. A message naming no collective booking
/// does nothing.
/// </summary>
public sealed class RunCollectiveRecovery(CollectiveHolds store, IClock clock, ICollectiveRecoveryQueue queue)
{
    public async Task<RecoveryStep> ExecuteAsync(string id, CancellationToken cancellationToken)
    {
        if (!CollectiveIds.TryParse(id, out _, out _))
        {
            return new RecoveryStep(null, null);
        }

        var step = await new RecoverCollective(store, clock).RunAsync(id, cancellationToken).ConfigureAwait(false);
        if (step.RunAgainAt is { } again)
        {
            await queue.ScheduleAsync(id, again, cancellationToken).ConfigureAwait(false);
        }

        return step;
    }
}
