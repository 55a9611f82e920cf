using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.SignIn;

namespace Schedly.Functions.Housekeeping;

/// <summary>
/// Daily at 03:47 UTC: deletes the sign-in sessions that have expired (<see cref="PruneExpiredSessions"/>). They are
/// refused anyway; this keeps the <c>sessions</c> table to the live ones. A missed run is caught up by the next one.
/// </summary>
public sealed partial class PruneSessionsTimer(PruneExpiredSessions prune, ILogger<PruneSessionsTimer> logger)
{
    /// <summary>NCRONTAB: every day at 03:47:00 UTC (half an hour after the table housekeeping).</summary>
    public const string Schedule = "0 47 3 * * *";

    [Function(nameof(PruneSessionsTimer))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var pruned = await prune.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (pruned > 0)
        {
            LogPruned(logger, pruned);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: deleted {Count} expired sign-in sessions")]
    private static partial void LogPruned(ILogger logger, int count);
}
