using System.Diagnostics;

namespace Schedly.Soak;

/// <summary>The faults injected so far: what, when (seconds since the workload started) and for how long.</summary>
public sealed class FaultLog
{
    private readonly Lock _gate = new();
    private readonly List<FaultWindow> _windows = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    public FaultWindow Begin(string kind, string description)
    {
        var window = new FaultWindow(kind, description, Now);
        lock (_gate)
        {
            _windows.Add(window);
        }

        return window;
    }

    public void End(FaultWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        window.Ended = Now;
    }

    /// <summary>Whether some fault is in progress now (for the with/without-faults latency split).</summary>
    public bool AnyActive()
    {
        var now = Now;
        lock (_gate)
        {
            return _windows.Any(w => w.Started <= now && (w.Ended is null || w.Ended >= now));
        }
    }

    public IReadOnlyList<FaultWindow> Windows()
    {
        lock (_gate)
        {
            return [.. _windows];
        }
    }

    /// <summary>The time at least one fault was in progress (union of windows) up to <paramref name="until"/>.</summary>
    public TimeSpan FaultedTime(TimeSpan until)
    {
        var total = TimeSpan.Zero;
        var coveredTo = TimeSpan.Zero;
        foreach (var window in Windows().OrderBy(w => w.Started))
        {
            var start = window.Started > coveredTo ? window.Started : coveredTo;
            var end = window.Ended ?? until;
            end = end < until ? end : until;
            if (end > start)
            {
                total += end - start;
                coveredTo = end;
            }
        }

        return total;
    }
}

/// <summary>One injected fault.</summary>
public sealed class FaultWindow(string kind, string description, TimeSpan started)
{
    public string Kind { get; } = kind;

    public string Description { get; } = description;

    public TimeSpan Started { get; } = started;

    public TimeSpan? Ended { get; set; }
}
