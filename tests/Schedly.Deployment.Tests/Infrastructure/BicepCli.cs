using System.Diagnostics;

namespace Schedly.Deployment.Tests.Infrastructure;

/// <summary>Runs the bicep CLI from its NuGet package and captures what it prints.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var path = TestPaths.BicepPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"bicep is not at {path}; restore the test project first (dotnet restore).");
        }

        EnsureExecutable(path);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = new CancellationTokenSource(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {_timeout.TotalSeconds} s.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>NuGet extraction does not always keep the execute bit.</summary>
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything bicep printed, diagnostics included (it writes them to standard error).</summary>
    public string AllOutput => StandardOutput + StandardError;

    /// <summary>True when bicep reported a warning or an error, whatever its exit code.</summary>
    public bool HasDiagnostics =>
        StandardError.Contains("Warning", StringComparison.OrdinalIgnoreCase)
        || StandardError.Contains("Error", StringComparison.OrdinalIgnoreCase);
}
