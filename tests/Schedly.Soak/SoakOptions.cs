using System.Globalization;

namespace Schedly.Soak;

/// <summary>How long and how hard to soak. Bounded in time and in requests; everything binds to loopback.</summary>
public sealed record SoakOptions
{
    /// <summary>How long the workload runs (faults included); the drain and the checks come after. Default 10 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The workload stops early once this many HTTP requests were sent.</summary>
    public int MaxRequests { get; init; } = 500_000;

    /// <summary>Concurrent client loops (each books, queries, reschedules and cancels).</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Whether to inject faults; without them the run gives the calm baseline.</summary>
    public bool Faults { get; init; } = true;

    /// <summary>Seed of every random choice, so a failing run can be replayed in its workload (not in its timing).</summary>
    public int Seed { get; init; } = 20261125;

    /// <summary>
    /// A client's pause between two actions (uniform from half to one and a half times this): the offered load. Zero
    /// runs flat out, which saturates the single-threaded Azurite until the queues fall behind (see docs/RELIABILITY.md).
    /// </summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the drain may take before the checker runs anyway (and reports what is left).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Where the run keeps Azurite's data, the runner's settings and log, and the pickup folder. Null: a new temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// Parses <c>--seconds N</c> / <c>--minutes N</c>, <c>--max-requests N</c>, <c>--clients N</c>, <c>--think-ms N</c>,
    /// <c>--drain-minutes N</c>, <c>--no-faults</c>, <c>--seed N</c>, <c>--work DIR</c>.
    /// </summary>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Number(args[i], value, 10, 86_400)) },
                "--minutes" => options with { Duration = TimeSpan.FromMinutes(Number(args[i], value, 1, 1_440)) },
                "--max-requests" => options with { MaxRequests = Number(args[i], value, 1, int.MaxValue) },
                "--clients" => options with { Clients = Number(args[i], value, 1, 64) },
                "--think-ms" => options with { ThinkTime = TimeSpan.FromMilliseconds(Number(args[i], value, 0, 60_000)) },
                "--drain-minutes" => options with { DrainTimeout = TimeSpan.FromMinutes(Number(args[i], value, 1, 120)) },
                "--seed" => options with { Seed = Number(args[i], value, int.MinValue, int.MaxValue) },
                "--work" => options with { WorkDirectory = value ?? throw new ArgumentException("--work needs a folder.") },
                "--no-faults" => options with { Faults = false },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --seconds N | --minutes N, --max-requests N, --clients N, --think-ms N, --drain-minutes N, --no-faults, --seed N, --work DIR."),
            };
            if (args[i] != "--no-faults")
            {
                i++;
            }
        }

        return options;
    }

    private static int Number(string name, string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} needs a whole number between {min} and {max}.");
}
