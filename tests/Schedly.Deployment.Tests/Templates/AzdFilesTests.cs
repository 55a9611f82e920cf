using System.Text.Json.Nodes;
using Schedly.Deployment.Tests.Infrastructure;

namespace Schedly.Deployment.Tests.Templates;

/// <summary>azure.yaml and infra/main.parameters.json agree with the template and the repository.</summary>
public sealed class AzdFilesTests(CompiledTemplateFixture template) : IClassFixture<CompiledTemplateFixture>
{
    [Fact]
    public void AzureYaml_ApiService_DeploysTheFunctionsProjectAsAFunction()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("api:", lines);
        Assert.Contains("project: ./functions/Schedly.Functions", lines);
        Assert.Contains("host: function", lines);
        Assert.Contains("language: dotnet", lines);
        Assert.Contains("path: infra", lines);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "functions", "Schedly.Functions", "Schedly.Functions.csproj")));
    }

    [Fact]
    public void AzureYaml_ServiceName_MatchesTheAppTag()
    {
        var api = Assert.Single(
            template.ResourcesOfType("Microsoft.Resources/deployments"),
            d => d["name"]?.GetValue<string>() == "api");

        Assert.Equal("api", api["properties"]?["parameters"]?["serviceName"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void ParametersFile_EveryParameter_ExistsInTheTemplate()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.InfraDirectory, "main.parameters.json")))?["parameters"]?.AsObject()
            ?? throw new InvalidOperationException("main.parameters.json has no parameters.");
        var declared = template.Template["parameters"]?.AsObject() ?? throw new InvalidOperationException("No parameters.");

        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep."));
        Assert.Equal("${SCHEDLY_OPERATOR_KEY}", file["operatorKey"]?["value"]?.GetValue<string>());
        Assert.False(file.ContainsKey("generatedOperatorKey"), "generatedOperatorKey must keep its newGuid() default.");
        Assert.Equal("${SCHEDLY_MANAGE_TOKEN_SECRET}", file["manageTokenSecret"]?["value"]?.GetValue<string>());
        Assert.False(file.ContainsKey("generatedManageTokenSecret"), "generatedManageTokenSecret must keep its newGuid() default.");
        Assert.Equal("${SCHEDLY_KEYVAULT_PURGE_PROTECTION=false}", file["keyVaultPurgeProtection"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void ParametersFile_RequiredParameters_AreAllSupplied()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.InfraDirectory, "main.parameters.json")))?["parameters"]?.AsObject()
            ?? throw new InvalidOperationException("main.parameters.json has no parameters.");
        var required = (template.Template["parameters"]?.AsObject() ?? [])
            .Where(p => p.Value?["defaultValue"] is null)
            .Select(p => p.Key)
            .ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"{name} has no default and no value in main.parameters.json."));
    }
}
