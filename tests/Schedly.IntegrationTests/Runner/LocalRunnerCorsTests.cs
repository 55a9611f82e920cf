using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Schedly.LocalRunner;

namespace Schedly.IntegrationTests.Runner;

/// <summary>The runner applies <c>Host.CORS</c> like the platform does, so the pages can be hosted on another origin.</summary>
public sealed class LocalRunnerCorsTests
{
    [Fact]
    public async Task Cors_ConfiguredOrigin_IsAllowedAndOthersAreNot()
    {
        await using var runner = LocalRunnerHost.Build(new LocalRunnerOptions
        {
            RootDirectory = RepositoryRoot.Path,
            Port = 0,
            ReadEnvironment = false,
            CorsOrigins = ["https://pages.example"],
            FunctionAssemblies = [typeof(RunnerTestFunctions).Assembly],
            Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["RunnerTestTimerSchedule"] = "0 0 0 1 1 *" },
            ConfigureServices = (services, _) => services.AddSingleton(new TriggerRecorder()),
        });
        await runner.StartAsync();
        using var client = new HttpClient { BaseAddress = runner.BaseAddress };

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/echo/ada/1");
        preflight.Headers.Add("Origin", "https://pages.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var allowed = await client.SendAsync(preflight);
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/echo/ada/1");
        simple.Headers.Add("Origin", "https://elsewhere.example");
        using var other = await client.SendAsync(simple);

        Assert.True(allowed.IsSuccessStatusCode, $"preflight answered {(int)allowed.StatusCode}");
        Assert.Equal("https://pages.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        await runner.StopAsync();
    }
}
