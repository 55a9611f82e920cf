using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Reminders;

namespace Schedly.Functions.Reminders;

/// <summary>
/// Queue <c>reminders</c>: one host's due reminders (see <see cref="SendDueReminders"/>). A failure throws: the queue
/// retries the message, then moves it to <c>reminders-poison</c>; the host's entries stay due meanwhile.
/// </summary>
public sealed partial class SendReminders(SendDueReminders send, ILogger<SendReminders> logger)
{
    [Function(nameof(SendReminders))]
    public async Task Run([QueueTrigger(SchedlyQueues.Reminders)] string message, CancellationToken cancellationToken)
    {
        var work = HostReminderWork.TryParse(message) ?? throw new FormatException("The reminders message is not a host's reminder work.");
        var summary = await send.ExecuteAsync(work, cancellationToken).ConfigureAwait(false);
        if (summary.Sent + summary.Skipped + summary.Obsolete > 0)
        {
            LogRun(logger, summary.Sent, summary.Skipped, summary.Obsolete);
        }

        if (summary.Pruned is { Total: > 0 } pruned)
        {
            LogPruned(logger, work.Host, pruned.Cells, pruned.DayCounters, pruned.ReminderOutcomes, pruned.IdempotencyRecords);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping for {Host}: deleted {Cells} past claim cells, {Counters} day counters, {Outcomes} reminder outcomes, {Idempotency} idempotency records")]
    private static partial void LogPruned(ILogger logger, string host, int cells, int counters, int outcomes, int idempotency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Sent} queued, {Skipped} skipped (meeting already started), {Obsolete} obsolete")]
    private static partial void LogRun(ILogger logger, int sent, int skipped, int obsolete);
}
