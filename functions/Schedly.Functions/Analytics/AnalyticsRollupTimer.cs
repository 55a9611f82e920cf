using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Analytics;

namespace Schedly.Functions.Analytics;

/// <summary>
/// Timer on the <c>AnalyticsRollupSchedule</c> setting (default every 15 minutes): recomputes every host's daily
/// rollups (idempotent; see <see cref="RollUpAnalytics"/>).
/// </summary>
public sealed partial class AnalyticsRollupTimer(RollUpAnalytics rollUp, ILogger<AnalyticsRollupTimer> logger)
{
    [Function(nameof(AnalyticsRollupTimer))]
    public async Task Run([TimerTrigger("%AnalyticsRollupSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var hosts = await rollUp.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        LogRolledUp(logger, hosts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics rolled up for {HostCount} hosts")]
    private static partial void LogRolledUp(ILogger logger, int hostCount);
}
