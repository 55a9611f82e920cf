using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Teams.Collective;

namespace Schedly.Functions.Housekeeping;

/// <summary>
/// Daily at 04:17 UTC: deletes the intents of collective bookings whose meeting ended more than 30 days ago
/// (<see cref="PruneCollectiveIntents"/>), so the <c>teams</c> table keeps only the ones that may still be needed. A
/// missed run is caught up by the next one.
/// </summary>
public sealed partial class PruneCollectiveIntentsTimer(PruneCollectiveIntents prune, ILogger<PruneCollectiveIntentsTimer> logger)
{
    /// <summary>NCRONTAB: every day at 04:17:00 UTC (half an hour after the sign-in sessions).</summary>
    public const string Schedule = "0 17 4 * * *";

    [Function(nameof(PruneCollectiveIntentsTimer))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var pruned = await prune.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (pruned > 0)
        {
            LogPruned(logger, pruned);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: deleted {Count} finished collective booking intents")]
    private static partial void LogPruned(ILogger logger, int count);
}
