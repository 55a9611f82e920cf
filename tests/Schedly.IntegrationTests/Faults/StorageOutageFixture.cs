using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Faults;

/// <summary>Its own runner and an Azurite with data on disk, so a test may stop and restart storage.</summary>
public sealed class StorageOutageFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("schedly-azurite-").FullName;
    private SchedlyApp? _app;

    public AzuriteProcess Azurite => _app!.Azurite;

    public HttpClient Client => _app!.Client;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(
        new Dictionary<string, string?> { ["Schedly__Security__OperatorKey"] = SchedlyAppFixture.OperatorKey },
        azuriteLocation: _data);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
