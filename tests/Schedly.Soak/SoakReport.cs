using System.Globalization;
using System.Text;

namespace Schedly.Soak;

/// <summary>The run's figures and the invariants, as Markdown (pasted into docs/PERFORMANCE.md and docs/RELIABILITY.md).</summary>
public static class SoakReport
{
    public static string Write(
        SoakOptions options, int hostCount, FaultLog faults, SoakHttp http, ClientLedger ledger, Workload workload, TimeSpan ran, TimeSpan drained, int runnerStarts,
        IReadOnlyList<Invariant> invariants)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(invariants);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var faulted = faults.FaultedTime(ran);
        var calm = ran - faulted;
        Line($"## Soak: {ran.TotalSeconds:F0} s, {options.Clients} clients + {hostCount} host loops, faults {(options.Faults ? "on" : "off")}, {Environment.ProcessorCount} cores");
        Line($"");
        Line($"{http.Requests} requests; {ledger.Count} bookings confirmed ({ledger.Bookings.Count(b => !b.State.Confirmed)} cancelled since, {ledger.Bookings.Count(b => b.State.Sequence > 0)} rescheduled, {ledger.Bookings.Sum(b => b.NoShowMarks)} no-show marks); {workload.ReadBacks} lost answers resolved by reading back; runner started {runnerStarts} times; drain {drained.TotalSeconds:F0} s.");
        Line($"Workload actions: {string.Join(", ", workload.Actions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"))}.");
        Line($"Responses: {string.Join(", ", http.Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}"))}.");
        Line($"");
        if (faults.Windows().Count > 0)
        {
            Line($"| fault | at (s) | lasted (s) |");
            Line($"|---|--:|--:|");
            foreach (var window in faults.Windows())
            {
                Line($"| {window.Description} | {window.Started.TotalSeconds:F1} | {((window.Ended ?? ran) - window.Started).TotalSeconds:F1} |");
            }

            Line($"");
        }

        Table(text, $"Without faults ({calm.TotalSeconds:F0} s)", http.Calm, calm);
        Table(text, $"During faults ({faulted.TotalSeconds:F0} s)", http.Faulted, faulted);
        Line($"| invariant | checked | holds | note |");
        Line($"|---|--:|:-:|---|");
        foreach (var invariant in invariants)
        {
            Line($"| {invariant.Statement} | {invariant.Checked} | {(invariant.Holds ? "yes" : "**NO**")} | {invariant.Note} |");
        }

        foreach (var invariant in invariants.Where(i => !i.Holds))
        {
            Line($"");
            Line($"Violations of \"{invariant.Statement}\" ({invariant.Violations.Count}):");
            foreach (var violation in invariant.Violations.Take(20))
            {
                Line($"- {violation}");
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyDictionary<string, Schedly.Testing.LatencyRecorder> recorders, TimeSpan duration)
    {
        if (recorders.Count == 0 || duration <= TimeSpan.Zero)
        {
            return;
        }

        text.AppendLine(title).AppendLine();
        text.AppendLine("| operation                          |   count |    ops/s | p50 (ms) | p99 (ms) | outcomes |");
        text.AppendLine("|------------------------------------|--------:|---------:|---------:|---------:|----------|");
        foreach (var recorder in recorders.Values.Where(r => !r.Name.Contains("drain", StringComparison.Ordinal) && r.Name != "setup").OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            text.AppendLine(recorder.Row(duration));
        }

        text.AppendLine();
    }
}
