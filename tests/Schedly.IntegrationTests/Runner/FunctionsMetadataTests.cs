using System.Text.Json;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.LocalRunner.Discovery;

namespace Schedly.IntegrationTests.Runner;

/// <summary>
/// The Functions SDK's build output (what Azure runs) and the local runner's discovery (what runs
/// here) must list the same functions with the same triggers and routes.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionTheRunnerDiscovers()
    {
        var metadata = LoadFunctionsMetadata();
        var catalog = FunctionCatalog.Discover(typeof(SchedlyServiceCollectionExtensions).Assembly);

        Assert.NotEmpty(catalog.Functions);
        Assert.Equal(
            catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            metadata.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        foreach (var http in catalog.Http)
        {
            var trigger = TriggerOf(metadata, http.Name);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
            Assert.Equal(
                http.HttpMethods!.Select(m => m.ToUpperInvariant()).Order(),
                trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order());
        }

        foreach (var queue in catalog.Queues)
        {
            Assert.Equal(queue.QueueName, TriggerOf(metadata, queue.Name).GetProperty("queueName").GetString());
        }

        foreach (var timer in catalog.Timers)
        {
            Assert.Equal(timer.Schedule, TriggerOf(metadata, timer.Name).GetProperty("schedule").GetString());
        }
    }

    private static JsonElement TriggerOf(IReadOnlyList<JsonElement> metadata, string name) =>
        metadata.Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static List<JsonElement> LoadFunctionsMetadata()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
        var path = Path.Combine(RepositoryRoot.Path, "functions", "Schedly.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"the Functions SDK did not write {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
