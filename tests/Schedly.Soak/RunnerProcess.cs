using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Schedly.Testing;

namespace Schedly.Soak;

/// <summary>
/// The local runner as a separate process (<c>dotnet Schedly.LocalRunner.dll --root … --port …</c>), so it can be
/// killed with SIGKILL mid-request, as a crash would, and started again on the same port. Its output goes to a log file.
/// </summary>
public sealed class RunnerProcess(string rootDirectory, int port, string logPath) : IAsyncDisposable
{
    private readonly TextWriter _log = TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>How many times the runner was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The runner built in the same configuration as this assembly (the solution build puts it there).</summary>
    public static string AssemblyPath()
    {
        var configuration = typeof(RunnerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(RepositoryRoot.Path, "functions", "Schedly.LocalRunner", "bin", configuration, "net10.0", "Schedly.LocalRunner.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build the solution in {configuration} first.");
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = rootDirectory,
        };
        foreach (var argument in new[] { AssemblyPath(), "--root", rootDirectory, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // Settings come from the soak's local.settings.json only, never from this machine's environment.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Schedly__", StringComparison.Ordinal) || k == "AzureWebJobsStorage").ToList())
        {
            start.Environment.Remove(name);
        }

        var log = _log;
        log.WriteLine($"---- start {Starts + 1} at {DateTime.UtcNow:O}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        await WaitUntilReadyAsync(timeout);
    }

    /// <summary>SIGKILL: no graceful shutdown, in-flight requests and queue messages are cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _log.DisposeAsync();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is not null)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is null or { HasExited: true })
            {
                throw new InvalidOperationException($"The runner exited during start-up; see {logPath}.");
            }

            try
            {
                using var response = await client.GetAsync("api/openapi.json");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The runner did not answer within {timeout.TotalSeconds:F0} s; see {logPath}.");
            }

            await Task.Delay(100);
        }
    }
}
