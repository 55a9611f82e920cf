using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Teams.Collective;

namespace Schedly.Functions.Teams;

/// <summary>
/// Queue <c>collective-recovery</c>: one recovery pass of a collective team booking per message (its id), sent before
/// the booking started and due when its holds expire; the pass queues the next one when it asks for it
/// (<see cref="RunCollectiveRecovery"/>). Storage failures throw and go through the host's retries and the poison queue.
/// </summary>
public sealed partial class RecoverCollectiveBookings(RunCollectiveRecovery recovery, ILogger<RecoverCollectiveBookings> logger)
{
    [Function(nameof(RecoverCollectiveBookings))]
    public async Task Run([QueueTrigger(SchedlyQueues.CollectiveRecovery)] string message, CancellationToken cancellationToken)
    {
        var step = await recovery.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        LogStep(logger, message, step.State?.ToString() ?? "none", step.RunAgainAt?.ToString() ?? "never");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collective booking {Id}: {State}, next pass {RunAgainAt}")]
    private static partial void LogStep(ILogger logger, string id, string state, string runAgainAt);
}
