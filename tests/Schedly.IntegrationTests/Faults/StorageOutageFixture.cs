using Schedly.IntegrationTests.Infrastructure;
using Schedly.LocalRunner;

namespace Schedly.IntegrationTests.Faults;

/// <summary>Its own runner and an Azurite with data on disk, so a test may stop and restart storage.</summary>
public sealed class StorageOutageFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("schedly-azurite-").FullName;
    private LocalRunner.LocalRunner? _runner;

    public StorageOutageFixture() => Azurite = new AzuriteProcess(_data);

    public AzuriteProcess Azurite { get; }

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        _runner = LocalRunnerHost.Build(new LocalRunnerOptions
        {
            RootDirectory = RepositoryRoot.Path,
            Port = 0,
            ReadEnvironment = false,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = Azurite.ConnectionString,
                ["Schedly__Security__OperatorKey"] = SchedlyAppFixture.OperatorKey,
            },
        });
        await _runner.StartAsync();
        Client = new HttpClient { BaseAddress = _runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
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
        Directory.Delete(_data, recursive: true);
    }
}
