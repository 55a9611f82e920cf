using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Teams.Collective;

namespace Schedly.AzureStorage.Teams;

/// <summary>Sends a collective booking's id to <c>collective-recovery</c>, hidden until the pass is due.</summary>
public sealed class QueueCollectiveRecoveryQueue(QueueServiceClient queues, IClock clock) : ICollectiveRecoveryQueue
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.CollectiveRecovery);

    public async Task ScheduleAsync(string id, Instant at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var delay = at - clock.GetCurrentInstant();
        // A second's margin: the pass must not arrive before the instant it is for (it would only ask again).
        var visibility = delay > Duration.Zero ? (delay + Duration.FromSeconds(1)).ToTimeSpan() : (TimeSpan?)null;
        await _queue.SendMessageAsync(id, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
