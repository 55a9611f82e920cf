using Microsoft.Azure.Functions.Worker;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Analytics;

namespace Schedly.Functions.Analytics;

/// <summary>
/// Queue <c>analytics</c>: recomputes the host-local days a booking event touched (see <see cref="RollUpAnalytics"/>).
/// A failure throws: the queue retries it, then moves it to <c>analytics-poison</c>.
/// </summary>
public sealed class RecomputeAnalytics(RollUpAnalytics rollUp)
{
    [Function(nameof(RecomputeAnalytics))]
    public async Task Run([QueueTrigger(SchedlyQueues.Analytics)] string message, CancellationToken cancellationToken)
    {
        var work = AnalyticsWork.TryParse(message) ?? throw new FormatException("The analytics message is not analytics work.");
        await rollUp.RecomputeAsync(work, cancellationToken).ConfigureAwait(false);
    }
}
