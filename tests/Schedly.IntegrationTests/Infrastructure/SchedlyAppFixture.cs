using Schedly.LocalRunner;

namespace Schedly.IntegrationTests.Infrastructure;

/// <summary>
/// Schedly's own functions under the local runner, on a free loopback port, against a real Azurite
/// that this fixture starts and stops, with a known operator key. Tests isolate themselves by
/// using unique host slugs.
/// </summary>
public sealed class SchedlyAppFixture : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef0123456789";

    private LocalRunner.LocalRunner? _runner;

    public AzuriteProcess Azurite { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public LocalRunner.LocalRunner Runner => _runner ?? throw new InvalidOperationException("Not started.");

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
                ["Schedly__Security__OperatorKey"] = OperatorKey,
                ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-mail-" + Guid.NewGuid().ToString("N")),
                ["Schedly__Webhooks__AllowPrivateAddresses"] = "true",
                ["Schedly__Webhooks__RetryBaseDelaySeconds"] = "1",
                ["Schedly__Webhooks__MaxRetryDelaySeconds"] = "4",
            },
        });
        await _runner.StartAsync();
        Client = new HttpClient { BaseAddress = _runner.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
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
    }

    /// <summary>A host slug no other test uses.</summary>
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];
}

[CollectionDefinition(Name)]
public sealed class SchedlyAppCollection : ICollectionFixture<SchedlyAppFixture>
{
    public const string Name = "Schedly app on Azurite";
}
