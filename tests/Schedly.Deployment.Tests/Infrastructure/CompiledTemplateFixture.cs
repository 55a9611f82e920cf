using System.Text.Json.Nodes;

namespace Schedly.Deployment.Tests.Infrastructure;

/// <summary>Compiles infra/main.bicep to ARM JSON once per test class.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private JsonObject? _template;
    private string? _json;

    /// <summary>The compiled template, modules inlined as nested deployments.</summary>
    public JsonObject Template => _template ?? throw new InvalidOperationException("Not compiled yet.");

    /// <summary>The compiled template as text.</summary>
    public string Json => _json ?? throw new InvalidOperationException("Not compiled yet.");

    public async Task InitializeAsync()
    {
        var result = await BicepCli.RunAsync("build", TestPaths.MainTemplate, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({result.ExitCode}):{Environment.NewLine}{result.AllOutput}");
        }

        _json = result.StandardOutput;
        _template = JsonNode.Parse(_json)?.AsObject() ?? throw new InvalidOperationException("bicep build printed no JSON.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every resource of <paramref name="type"/>, at any depth of nested deployments.</summary>
    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        Descendants(Template)
            .Where(o => o["type"] is JsonValue value
                && value.TryGetValue<string>(out var t)
                && string.Equals(t, type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The properties of the Function App's appsettings resource: setting name to ARM value.</summary>
    public JsonObject AppSettings()
    {
        var config = ResourcesOfType("Microsoft.Web/sites/config")
            .Where(r => r["name"]?.ToJsonString().Contains("appsettings", StringComparison.Ordinal) == true)
            .ToList();
        var single = Assert.Single(config);
        return single["properties"]?.AsObject() ?? throw new InvalidOperationException("appsettings has no properties.");
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }
}
