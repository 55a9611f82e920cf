using Microsoft.Extensions.DependencyInjection;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.LocalRunner;

namespace Schedly.IntegrationTests.Runner;

/// <summary>
/// The local runner hosting <see cref="RunnerTestFunctions"/> against its own Azurite, configured by
/// a host.json written for the test (3 dequeues, no retry delay, 1 s polling).
/// </summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 3;

    private readonly string _root = Directory.CreateTempSubdirectory("schedly-runner-").FullName;
    private LocalRunner.LocalRunner? _runner;

    public AzuriteProcess Azurite { get; } = new();

    public TriggerRecorder Recorder { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public LocalRunner.LocalRunner Runner => _runner!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "host.json"), $$"""
            {
              "version": "2.0",
              "extensions": {
                "http": { "routePrefix": "api" },
                "queues": { "batchSize": 4, "maxDequeueCount": {{MaxDequeueCount}}, "visibilityTimeout": "00:00:00", "maxPollingInterval": "00:00:01" }
              }
            }
            """);
        await Azurite.StartAsync();
        _runner = LocalRunnerHost.Build(new LocalRunnerOptions
        {
            RootDirectory = _root,
            Port = 0,
            ReadEnvironment = false,
            FunctionAssemblies = [typeof(RunnerTestFunctions).Assembly],
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = Azurite.ConnectionString,
                ["RunnerTestTimerSchedule"] = "*/1 * * * * *",
            },
            ConfigureServices = (services, _) => services.AddSingleton(Recorder),
        });
        await _runner.StartAsync();
        Client = new HttpClient { BaseAddress = _runner.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_runner is not null)
        {
            await _runner.StopAsync();
            await _runner.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
