using System.Collections.Concurrent;
using System.Globalization;

namespace Schedly.Testing;

/// <summary>Collects per-operation latencies and outcomes; reports throughput and percentiles (load tool and soak).</summary>
public sealed class LatencyRecorder(string name)
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly ConcurrentDictionary<string, int> _outcomes = new();

    public string Name => name;

    public int Count => _milliseconds.Count;

    public void Record(TimeSpan elapsed, string outcome)
    {
        _milliseconds.Add(elapsed.TotalMilliseconds);
        _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public string Row(TimeSpan duration) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name,-34} | {Count,7} | {Count / duration.TotalSeconds,8:F1} | {Percentile(50),8:F2} | {Percentile(99),8:F2} | {string.Join(", ", _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))} |");
}
