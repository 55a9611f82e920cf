using Microsoft.Extensions.DependencyInjection;

namespace Schedly.IntegrationTests.Runner;

/// <summary>
/// The local runner hosting <see cref="RunnerTestFunctions"/> against its own Azurite, configured by
/// a host.json written for the test (3 dequeues, no retry delay, 1 s polling).
/// </summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 3;

    private readonly string _root = Directory.CreateTempSubdirectory("schedly-runner-").FullName;
    private SchedlyApp? _app;

    public AzuriteProcess Azurite => _app!.Azurite;

    public TriggerRecorder Recorder { get; } = new();

    public HttpClient Client => _app!.Client;

    public LocalRunner.LocalRunner Runner => _app!.Runner;

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
        _app = await SchedlyApp.StartAsync(
            new Dictionary<string, string?> { ["RunnerTestTimerSchedule"] = "*/1 * * * * *" },
            configureServices: (services, _) => services.AddSingleton(Recorder),
            rootDirectory: _root,
            functionAssemblies: [typeof(RunnerTestFunctions).Assembly]);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
