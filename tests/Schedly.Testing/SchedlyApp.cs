using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Schedly.LocalRunner;

namespace Schedly.Testing;

/// <summary>
/// A real Azurite (free loopback ports) and the local runner hosting the function classes on a free
/// loopback port, with an HttpClient pointed at it. Environment variables are not read, so a test run
/// is independent of the machine's settings.
/// </summary>
public sealed class SchedlyApp : IAsyncDisposable
{
    private SchedlyApp(AzuriteProcess azurite, LocalRunner.LocalRunner runner)
    {
        Azurite = azurite;
        Runner = runner;
        Client = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public AzuriteProcess Azurite { get; }

    public LocalRunner.LocalRunner Runner { get; }

    public HttpClient Client { get; }

    /// <param name="settings">
    /// Settings besides storage (the operator key at least), as local.settings.json names them. Rate limits are off
    /// (<c>Schedly__RateLimits__Enabled=false</c>) and so is the cap on a client's upcoming bookings
    /// (<c>Schedly__Caps__ActiveBookingsPerClient=0</c>) and proof of work (<c>Schedly__ProofOfWork__Enabled=false</c>)
    /// unless these set them.
    /// </param>
    /// <param name="azuriteLocation">A folder for Azurite's data (survives a restart), or null for in-memory.</param>
    /// <param name="configureServices">Replaces the app's service registration (default: the app's own).</param>
    /// <param name="rootDirectory">Folder holding host.json (default: the repository root).</param>
    /// <param name="functionAssemblies">Assemblies whose functions to host (default: the app's).</param>
    /// <param name="port">The loopback port to serve on (default 0: a free one), e.g. <see cref="FreePort.Next"/>, when the settings must name the app's own address.</param>
    public static async Task<SchedlyApp> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        string? azuriteLocation = null,
        Action<IServiceCollection, IConfiguration>? configureServices = null,
        string? rootDirectory = null,
        IReadOnlyList<Assembly>? functionAssemblies = null,
        int port = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var azurite = new AzuriteProcess(azuriteLocation);
        await azurite.StartAsync();
        var options = new LocalRunnerOptions
        {
            RootDirectory = rootDirectory ?? RepositoryRoot.Path,
            Port = port,
            ReadEnvironment = false,
            Settings = new Dictionary<string, string?>
            {
                ["ReminderSchedule"] = "0 */1 * * * *",
                // Tests and the load tool send every request from 127.0.0.1: rate limits are off unless a test sets them.
                ["Schedly__RateLimits__Enabled"] = "false",
                // Tests book many times with one email address: no cap on upcoming bookings per client unless a test sets one.
                ["Schedly__Caps__ActiveBookingsPerClient"] = "0",
                // Tests book without a browser: no proof of work unless a test turns it on.
                ["Schedly__ProofOfWork__Enabled"] = "false",
            }
                .Concat(settings).Append(new("AzureWebJobsStorage", azurite.ConnectionString))
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        };
        options = configureServices is null ? options : options with { ConfigureServices = configureServices };
        options = functionAssemblies is null ? options : options with { FunctionAssemblies = functionAssemblies };
        var runner = LocalRunnerHost.Build(options);
        await runner.StartAsync();
        return new SchedlyApp(azurite, runner);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Runner.StopAsync();
        await Runner.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
