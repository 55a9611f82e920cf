using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Housekeeping;

namespace Schedly.Functions.Housekeeping;

/// <summary>
/// Daily at 03:17 UTC: creates the next period's dated tables and drops those whose rows have all expired (the effect
/// ledger's months, the rate counters' days; see <see cref="RetireExpiredTables"/>). A handful of requests whatever
/// the number of hosts; a missed run is caught up by the next one, and writes create a missing table themselves.
/// </summary>
public sealed partial class RetireTablesTimer(RetireExpiredTables retire, ILogger<RetireTablesTimer> logger)
{
    /// <summary>NCRONTAB: every day at 03:17:00 UTC (off the hour, when little else runs).</summary>
    public const string Schedule = "0 17 3 * * *";

    [Function(nameof(RetireTablesTimer))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var retired = await retire.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (retired.Count > 0)
        {
            LogRetired(logger, retired.Count, string.Join(", ", retired));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: dropped {Count} expired tables ({Names})")]
    private static partial void LogRetired(ILogger logger, int count, string names);
}
