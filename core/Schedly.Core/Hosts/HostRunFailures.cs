namespace Schedly.Core.Hosts;

/// <summary>
/// The per-host failures of a timer run that visits every host (analytics rollup, reminders). The run
/// records a host's failure and goes on, so one host whose data cannot be processed does not starve
/// every host listed after it; at the end <see cref="ThrowIfAny"/> fails the run as a whole so the
/// timer still reports it.
/// </summary>
internal sealed class HostRunFailures
{
    /// <summary>At most this many slugs are named in the message; every failure is still an inner exception.</summary>
    private const int MaxNamed = 20;

    private readonly List<HostSlug> _hosts = [];
    private readonly List<Exception> _errors = [];

    /// <summary>How many hosts failed.</summary>
    public int Count => _errors.Count;

    /// <summary>
    /// Whether a host's <paramref name="error"/> is isolated to that host: everything except the run's own
    /// cancellation, which ends the run.
    /// </summary>
    public static bool IsHostFailure(Exception error, CancellationToken cancellationToken) =>
        !(error is OperationCanceledException && cancellationToken.IsCancellationRequested);

    public void Add(HostSlug host, Exception error)
    {
        _hosts.Add(host);
        _errors.Add(error);
    }

    /// <summary>
    /// Throws an <see cref="AggregateException"/> of the recorded failures (in the order the hosts were
    /// visited) when there are any: "<paramref name="run"/> failed for F of N hosts (slugs); <paramref name="others"/>".
    /// </summary>
    public void ThrowIfAny(string run, int hostsVisited, string others)
    {
        if (Count == 0)
        {
            return;
        }

        var named = string.Join(", ", _hosts.Take(MaxNamed).Select(h => h.Value));
        if (_hosts.Count > MaxNamed)
        {
            named += $" and {_hosts.Count - MaxNamed} more";
        }

        throw new AggregateException($"{run} failed for {Count} of {hostsVisited} hosts ({named}); {others}", _errors);
    }
}
