using Schedly.Deployment.Tests.Infrastructure;

namespace Schedly.Deployment.Tests.Templates;

/// <summary>
/// The templates compile and lint clean with the bicep CLI from NuGet, as CI runs them. Bicep exits 0
/// on lint warnings, so the output is checked too.
/// </summary>
public sealed class BicepValidationTests
{
    public static TheoryData<string> InfraFiles() => new(InfraFilePaths());

    private static IEnumerable<string> InfraFilePaths() =>
        Directory.EnumerateFiles(TestPaths.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(TestPaths.RepositoryRoot, file))
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        var result = await BicepCli.RunAsync("build", TestPaths.MainTemplate, "--stdout");

        Assert.True(result.ExitCode == 0, $"bicep build exited {result.ExitCode}:{Environment.NewLine}{result.StandardError}");
        Assert.False(result.HasDiagnostics, result.StandardError);
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNothing()
    {
        var result = await BicepCli.RunAsync("lint", TestPaths.MainTemplate);

        Assert.True(result.ExitCode == 0, $"bicep lint exited {result.ExitCode}:{Environment.NewLine}{result.AllOutput}");
        Assert.False(result.HasDiagnostics, result.AllOutput);
    }

    [Theory]
    [MemberData(nameof(InfraFiles))]
    public async Task Lint_EveryInfraFile_ReportsNothing(string relativePath)
    {
        var result = await BicepCli.RunAsync("lint", Path.Combine(TestPaths.RepositoryRoot, relativePath));

        Assert.True(result.ExitCode == 0, $"bicep lint {relativePath} exited {result.ExitCode}:{Environment.NewLine}{result.AllOutput}");
        Assert.False(result.HasDiagnostics, result.AllOutput);
    }

    [Fact]
    public void InfraFiles_Layout_HasMainAndModules()
    {
        var files = InfraFilePaths().ToList();

        Assert.Contains(Path.Combine("infra", "main.bicep"), files);
        Assert.Contains(Path.Combine("infra", "app", "api.bicep"), files);
        Assert.Contains(Path.Combine("infra", "app", "rbac.bicep"), files);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "azure.yaml")), "azure.yaml is missing at the repository root.");
    }

    [Fact]
    public async Task Lint_TemplateWithUnusedParameter_ReportsWarning()
    {
        // Guards the checks above: if bicep stopped reporting, "no diagnostics" would prove nothing.
        var directory = Directory.CreateTempSubdirectory("schedly-bicep-");
        try
        {
            var file = Path.Combine(directory.FullName, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var result = await BicepCli.RunAsync("lint", file);

            Assert.True(result.HasDiagnostics, result.AllOutput);
            Assert.Contains("no-unused-params", result.AllOutput, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
