using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Reminders;

namespace Schedly.Functions.Reminders;

/// <summary>
/// Timer on the <c>ReminderSchedule</c> setting (default every minute): sends due reminders through the
/// <c>emails</c> queue and catches up after downtime (see <see cref="SendDueReminders"/>).
/// </summary>
public sealed partial class ReminderTimer(SendDueReminders sendDueReminders, ILogger<ReminderTimer> logger)
{
    [Function(nameof(ReminderTimer))]
    public async Task Run([TimerTrigger("%ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var summary = await sendDueReminders.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (summary.Sent + summary.Skipped + summary.Obsolete > 0)
        {
            LogRun(logger, summary.Sent, summary.Skipped, summary.Obsolete);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Sent} queued, {Skipped} skipped (meeting already started), {Obsolete} obsolete")]
    private static partial void LogRun(ILogger logger, int sent, int skipped, int obsolete);
}
