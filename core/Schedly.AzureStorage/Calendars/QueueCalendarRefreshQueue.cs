using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Calendars;

namespace Schedly.AzureStorage.Calendars;

/// <summary>Sends <see cref="CalendarRefresh"/> messages to <c>calendar-refresh</c>, hidden for the delay asked for (at most 7 days).</summary>
public sealed class QueueCalendarRefreshQueue(QueueServiceClient queues) : ICalendarRefreshQueue
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.CalendarRefresh);

    public async Task EnqueueAsync(CalendarRefresh refresh, Duration delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        var visibility = delay > Duration.Zero ? TimeSpan.FromTicks(Math.Min(delay.BclCompatibleTicks, MaxDelay.Ticks)) : (TimeSpan?)null;
        await _queue.SendMessageAsync(refresh.ToJson(), visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
