namespace Schedly.IntegrationTests.Infrastructure;

/// <summary>
/// Schedly's own functions under the local runner, on a free loopback port, against a real Azurite
/// that this fixture starts and stops, with a known operator key. Tests isolate themselves by
/// using unique host slugs.
/// </summary>
public sealed class SchedlyAppFixture : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef0123456789";

    private SchedlyApp? _app;

    public AzuriteProcess Azurite => App.Azurite;

    public HttpClient Client => App.Client;

    public LocalRunner.LocalRunner Runner => App.Runner;

    private SchedlyApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
    {
        ["Schedly__Security__OperatorKey"] = OperatorKey,
        ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-mail-" + Guid.NewGuid().ToString("N")),
        ["Schedly__Webhooks__AllowPrivateAddresses"] = "true",
        ["Schedly__Webhooks__RetryBaseDelaySeconds"] = "1",
        ["Schedly__Webhooks__MaxRetryDelaySeconds"] = "4",
        ["Schedly__Calendars__TimeoutSeconds"] = "2",
    });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A host slug no other test uses.</summary>
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];
}

[CollectionDefinition(Name)]
public sealed class SchedlyAppCollection : ICollectionFixture<SchedlyAppFixture>
{
    public const string Name = "Schedly app on Azurite";
}
