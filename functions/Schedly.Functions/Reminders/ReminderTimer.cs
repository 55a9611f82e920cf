using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Reminders;

namespace Schedly.Functions.Reminders;

/// <summary>
/// Timer on the <c>ReminderSchedule</c> setting (default every minute): queues each host with reminders due on the
/// <c>reminders</c> queue (see <see cref="DrainReminderIndex"/>); <see cref="SendReminders"/> sends them.
/// </summary>
public sealed partial class ReminderTimer(DrainReminderIndex drain, ILogger<ReminderTimer> logger)
{
    [Function(nameof(ReminderTimer))]
    public async Task Run([TimerTrigger("%ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var hosts = await drain.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (hosts > 0)
        {
            LogRun(logger, hosts);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Hosts} hosts queued")]
    private static partial void LogRun(ILogger logger, int hosts);
}
