using System.Collections.Concurrent;

namespace Schedly.IntegrationTests.Runner;

/// <summary>Remembers every invocation of the runner's test functions, in order.</summary>
public sealed class TriggerRecorder
{
    private readonly ConcurrentQueue<(string Function, string Payload, DateTimeOffset At)> _calls = new();

    public void Record(string function, string payload) => _calls.Enqueue((function, payload, DateTimeOffset.UtcNow));

    public IReadOnlyList<(string Function, string Payload, DateTimeOffset At)> Calls => [.. _calls];

    public int Count(string function, string? payload = null) =>
        _calls.Count(c => c.Function == function && (payload is null || c.Payload == payload));

    public async Task WaitUntilAsync(Func<TriggerRecorder, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}; calls: {string.Join(", ", Calls.Select(c => $"{c.Function}:{c.Payload}"))}");
            }

            await Task.Delay(50);
        }
    }
}
