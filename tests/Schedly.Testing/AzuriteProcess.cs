using System.Diagnostics;

namespace Schedly.Testing;

/// <summary>
/// A real Azurite (from the repository's node_modules) on free loopback ports with in-memory data.
/// Can be stopped and started again on the same ports to simulate a storage outage.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string? _location;
    private Process? _process;
    private bool _started;

    /// <param name="location">A folder for Azurite's data, so it survives a restart; null keeps data in memory.</param>
    public AzuriteProcess(string? location = null)
    {
        _location = location;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    /// <summary>The ports, fixed once Azurite has started (a restart reuses them); read them after <see cref="StartAsync"/>.</summary>
    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite. The first start takes other free ports and tries again (three tries) when Azurite exits or does not
    /// listen: a port found free may be taken by another process before Azurite binds it. A restart keeps its ports.
    /// </summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                _started = true;
                return;
            }
            catch (Exception e) when (!_started && attempt < 3 && e is System.Net.Sockets.SocketException or AzuriteExitedException)
            {
                if (_process is { HasExited: false } stray)
                {
                    stray.Kill(entireProcessTree: true);
                    await stray.WaitForExitAsync();
                }

                BlobPort = FreePort.Next();
                QueuePort = FreePort.Next();
                TablePort = FreePort.Next();
            }
        }
    }

    private async Task StartOnceAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} missing): run 'npm ci' in the repository root.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var timeout = TimeSpan.FromSeconds(30);
        await FreePort.WaitUntilListeningAsync(TablePort, timeout);
        await FreePort.WaitUntilListeningAsync(QueuePort, timeout);
        if (_process.HasExited)
        {
            // Something else answered on our ports (taken while we were stopped): fail loudly rather than talk to it.
            throw new AzuriteExitedException($"Azurite exited at start-up (exit code {_process.ExitCode}); are ports {TablePort}/{QueuePort} taken?");
        }
    }

    /// <summary>How many times <see cref="StopAsync"/> had to kill Azurite (which can lose its last writes to disk).</summary>
    public int ForcedKills { get; private set; }

    /// <summary>
    /// Stops Azurite: SIGTERM, so data kept on disk is flushed (in-memory data is lost), then SIGKILL if it
    /// lingers. <see cref="StartAsync"/> brings it back on the same ports.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                ForcedKills++;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>Azurite stopped while starting (typically: one of its ports was taken meanwhile).</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
