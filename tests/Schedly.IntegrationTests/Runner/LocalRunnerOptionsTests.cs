using Schedly.Functions.Composition;
using Schedly.LocalRunner;

namespace Schedly.IntegrationTests.Runner;

/// <summary>
/// <see cref="LocalRunnerOptions.Validate"/>, and the runner refusing bad options or bad app settings with every
/// message at once. Nothing here reaches storage: validation comes before any connection.
/// </summary>
public sealed class LocalRunnerOptionsTests
{
    public static TheoryData<string, Func<LocalRunnerOptions>> BadValues => new()
    {
        { "LocalRunner:RootDirectory", () => Valid() with { RootDirectory = Path.Combine(Path.GetTempPath(), "schedly-no-such-" + Guid.NewGuid().ToString("N")) } },
        { "LocalRunner:Port", () => Valid() with { Port = 65536 } },
        { "LocalRunner:CorsOrigins", () => Valid() with { CorsOrigins = ["https://pages.example/path"] } },
        { "LocalRunner:FunctionAssemblies", () => Valid() with { FunctionAssemblies = [] } },
        { "LocalRunner:Settings", () => Valid() with { Settings = null! } },
        { "LocalRunner:ConfigureServices", () => Valid() with { ConfigureServices = null! } },
    };

    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        Assert.Empty(Valid().Validate());
        Assert.Empty((Valid() with { Port = 0, CorsOrigins = ["*", "http://localhost:5173"] }).Validate());
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_OneBadValue_OneMessageNamingItsKey(string key, Func<LocalRunnerOptions> options)
    {
        var error = Assert.Single(options().Validate());

        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralBadOptions_ThrowsWithEveryMessage()
    {
        var options = Valid() with { Port = -1, CorsOrigins = ["pages.example"], FunctionAssemblies = [] };

        var error = Assert.Throws<ArgumentException>(() => LocalRunnerHost.Build(options));

        Assert.Contains("LocalRunner:Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalRunner:CorsOrigins", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalRunner:FunctionAssemblies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadAppSettings_FailsWithEveryMessageBeforeTouchingStorage()
    {
        await using var runner = LocalRunnerHost.Build(Valid() with
        {
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["ReminderSchedule"] = "0 */1 * * * *",
                ["Schedly__Security__OperatorKey"] = "short",
                ["Schedly__Email__FromAddress"] = "nobody",
                ["Schedly__Webhooks__RetryBaseDelaySeconds"] = "0",
            },
        });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => runner.StartAsync());

        var messages = ValidatedOptions.Failures(exception) ?? throw new Xunit.Sdk.XunitException($"Expected options validation failures, got {exception}");
        Assert.Contains(messages, m => m.StartsWith("Schedly:Security:OperatorKey ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Schedly:Email:FromAddress ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Schedly:Webhooks:RetryBaseDelaySeconds ", StringComparison.Ordinal));
        Assert.Equal(3, messages.Count);
    }

    private static LocalRunnerOptions Valid() => new()
    {
        RootDirectory = RepositoryRoot.Path,
        Port = 0,
        ReadEnvironment = false,
        CorsOrigins = [],
        Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" },
    };
}
