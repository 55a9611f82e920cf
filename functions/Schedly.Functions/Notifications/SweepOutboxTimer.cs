using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.Core.Outbox;

namespace Schedly.Functions.Notifications;

/// <summary>
/// Timer, every minute: re-enqueues outbox events still undispatched 30 s after they happened (see <see cref="SweepOutbox"/>).
/// </summary>
public sealed partial class SweepOutboxTimer(SweepOutbox sweep, ILogger<SweepOutboxTimer> logger)
{
    public const string Schedule = "0 */1 * * * *";

    [Function(nameof(SweepOutboxTimer))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sent = await sweep.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (sent > 0)
        {
            LogSwept(logger, sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep re-enqueued {Count} undispatched events")]
    private static partial void LogSwept(ILogger logger, int count);
}
