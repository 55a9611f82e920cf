using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schedly.Testing;

namespace Schedly.Soak;

/// <summary>What a soak run measured and proved.</summary>
public sealed record SoakResult(IReadOnlyList<Invariant> Invariants, string Report, string WorkDirectory)
{
    public bool Passed => Invariants.All(i => i.Holds);
}

/// <summary>
/// One soak run: Azurite (data on disk) and the runner as child processes, a webhook receiver, the workload and the
/// faults for the configured duration; then every open create is settled, the system drains (queues, outbox, due
/// reminders, analytics), the runner is stopped and the checker proves the invariants on what storage holds.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> ExecuteAsync(SoakOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "schedly-soak-" + Guid.NewGuid().ToString("N")[..8]);
        var root = Path.Combine(work, "root");
        var mailFolder = Path.Combine(work, "mail");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(mailFolder);
        File.Copy(Path.Combine(RepositoryRoot.Path, "host.json"), Path.Combine(root, "host.json"), overwrite: true);

        var hosts = SoakHost.All();
        await using var azurite = new AzuriteProcess(Path.Combine(work, "azurite"));
        await azurite.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(
            hosts.SelectMany(h => h.Endpoints.Select(e => (Path: h.ReceiverPath(e), e.Secret))).ToDictionary(p => p.Path, p => p.Secret));
        var port = FreePort.Next();
        var operatorKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WriteSettings(root, azurite.ConnectionString, port, operatorKey, mailFolder);
        await using var runner = new RunnerProcess(root, port, Path.Combine(work, "runner.log"));
        await runner.StartAsync(TimeSpan.FromSeconds(120));
        progress.WriteLine($"soak: runner {runner.BaseAddress}, Azurite tables on {azurite.TablePort}, webhooks {receiver.BaseAddress}, work {work}");

        var faults = new FaultLog();
        using var http = new SoakHttp(new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, faults);
        foreach (var host in hosts)
        {
            await host.CreateAsync(http, operatorKey, receiver.BaseAddress);
        }

        var ledger = new ClientLedger();
        var workload = new Workload(http, ledger, hosts, options);
        var mail = new MailFolderFault(mailFolder);
        var injector = new FaultInjector(runner, azurite, receiver, mail, faults);
        progress.WriteLine($"soak: {options.Duration.TotalSeconds:F0} s of workload, {options.Clients} clients, faults {(options.Faults ? "on" : "off")}");
        var started = faults.Now;
        await Task.WhenAll(workload.RunAsync(options.Duration), options.Faults ? injector.RunAsync(options.Duration) : Task.CompletedTask);
        var ran = faults.Now - started;
        receiver.Failing = false;
        mail.Restore();
        var (settledCreates, settledReads) = await workload.SettleAsync();
        progress.WriteLine($"soak: workload done after {ran.TotalSeconds:F0} s, {http.Requests} requests; settled {settledCreates} creates and {settledReads} read-backs; draining");

        var drainClock = Stopwatch.StartNew();
        var drain = await DrainAsync(runner, azurite.ConnectionString, mailFolder, http, hosts, options.DrainTimeout, progress);
        var observations = new SoakObservations(ledger, hosts, receiver.Received, drain.Analytics, workload.Reads, workload.StaleReads, http.Statuses, drain.QuietAt);
        var invariants = InvariantChecker.Check(drain.Snapshot, observations);
        var report = SoakReport.Write(options, hosts.Count, faults, http, ledger, workload, ran, drainClock.Elapsed, runner.Starts, invariants);
        if (azurite.ForcedKills > 0)
        {
            report += $"\nHarness warning: Azurite did not stop within 10 s {azurite.ForcedKills} times and was killed, which can lose its last writes; violations may be the emulator's.\n";
        }
        return new SoakResult(invariants, report, work);
    }

    /// <param name="Snapshot">Storage as the checker reads it after the drain.</param>
    /// <param name="Analytics">The analytics rows read after the drain.</param>
    /// <param name="QuietAt">When storage was last seen with nothing left to do, just before the runner was stopped.</param>
    private sealed record Drained(StorageSnapshot Snapshot, IReadOnlyList<AnalyticsDay> Analytics, DateTimeOffset QuietAt);

    /// <summary>
    /// Waits until nothing is left to do (queues empty, no outbox rows, no reminder due, analytics equal to the recount),
    /// stops the runner and reads storage; if work appeared in the instant before the stop (a reminder falling due), the
    /// runner is started again and the drain repeats.
    /// </summary>
    private static async Task<Drained> DrainAsync(
        RunnerProcess runner, string connectionString, string mailFolder, SoakHttp http, IReadOnlyList<SoakHost> hosts, TimeSpan timeout, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            IReadOnlyList<AnalyticsDay> analytics = [];
            var quietAt = DateTimeOffset.UtcNow;
            while (clock.Elapsed < timeout)
            {
                // Read after noting the time: an idle snapshot proves every reminder due by quietAt was handled.
                quietAt = DateTimeOffset.UtcNow;
                var snapshot = await StorageSnapshot.ReadAsync(connectionString, mailFolder, parseMessages: false);
                analytics = await ReportedAnalyticsAsync(http, hosts);
                var recount = hosts.SelectMany(h => AnalyticsDay.Recount(h, snapshot.Bookings)).ToList();
                var pending = Pending(snapshot, quietAt);
                if (pending.Length == 0 && recount.SequenceEqual(analytics))
                {
                    break;
                }

                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
                {
                    lastReport = clock.Elapsed;
                    progress.WriteLine($"soak: draining {clock.Elapsed.TotalSeconds:F0} s: {(pending.Length == 0 ? "analytics not yet rolled up" : pending)}");
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            await runner.KillAsync();
            var final = await StorageSnapshot.ReadAsync(connectionString, mailFolder);
            if (IsIdle(final, quietAt) || clock.Elapsed >= timeout)
            {
                progress.WriteLine($"soak: drained in {clock.Elapsed.TotalSeconds:F0} s{(clock.Elapsed >= timeout ? " (timed out)" : "")}");
                return new Drained(final, analytics, quietAt);
            }

            progress.WriteLine("soak: work appeared as the runner stopped; starting it again to finish");
            await runner.StartAsync(TimeSpan.FromSeconds(120));
        }
    }

    private static bool IsIdle(StorageSnapshot snapshot, DateTimeOffset asOf) => Pending(snapshot, asOf).Length == 0;

    /// <summary>What is still to be done as of <paramref name="asOf"/>, in words; empty when nothing is.</summary>
    private static string Pending(StorageSnapshot snapshot, DateTimeOffset asOf) => string.Join(", ", new[]
    {
        snapshot.OutboxRows.Count > 0 ? $"{snapshot.OutboxRows.Count} outbox rows" : null,
        string.Join(", ", StorageSnapshot.Queues.Where(q => snapshot.QueueDepths.GetValueOrDefault(q) > 0).Select(q => $"{snapshot.QueueDepths[q]} on {q}")),
        snapshot.ReminderEntries.Count(r => r.Due <= asOf) is > 0 and var due ? $"{due} reminders due" : null,
        snapshot.ReminderEmailsWithoutRecord().Count is > 0 and var unrecorded ? $"{unrecorded} reminder emails not yet recorded" : null,
    }.Where(p => !string.IsNullOrEmpty(p)));

    private static async Task<IReadOnlyList<AnalyticsDay>> ReportedAnalyticsAsync(SoakHttp http, IReadOnlyList<SoakHost> hosts)
    {
        var days = new List<AnalyticsDay>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var host in hosts)
        {
            var result = await http.SendAsync("GET analytics (drain)", HttpMethod.Get,
                $"api/admin/hosts/{host.Slug}/analytics?start={today.AddDays(-2):yyyy-MM-dd}&end={today.AddDays(SoakHost.BookingWindowDays + 2):yyyy-MM-dd}", bearer: host.ApiKey);
            if (result is not { Success: true, Body: { } body })
            {
                return [];
            }

            days.AddRange(AnalyticsDay.FromApi(host.Slug, body));
        }

        return days;
    }

    private static void WriteSettings(string root, string storage, int port, string operatorKey, string mailFolder)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!.AsObject();
        var values = sample["Values"]!.AsObject();
        values["AzureWebJobsStorage"] = storage;
        values["Schedly__Security__OperatorKey"] = operatorKey;
        values["Schedly__Security__ManageTokenSecret"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        values["Schedly__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        values["Schedly__Email__Provider"] = "PickupFolder";
        values["Schedly__Email__PickupFolder"] = mailFolder;
        values["Schedly__Webhooks__AllowPrivateAddresses"] = "true";
        values["Schedly__Webhooks__RetryBaseDelaySeconds"] = "1";
        values["Schedly__Webhooks__MaxRetryDelaySeconds"] = "8";
        values["Schedly__Webhooks__TimeoutSeconds"] = "5";
        // The workload's clients all come from 127.0.0.1 at load-test rates: the soak measures faults, not throttling.
        values["Schedly__RateLimits__Enabled"] = "false";
        values["Schedly__Caps__ActiveBookingsPerClient"] = "0";
        values["Schedly__ProofOfWork__Enabled"] = "false";
        values["ReminderSchedule"] = "*/5 * * * * *";
        values["Logging__LogLevel__Default"] = "Warning";
        sample["Host"]!["LocalHttpPort"] = port;
        File.WriteAllText(Path.Combine(root, "local.settings.json"), sample.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
