using System.Reflection;

namespace Schedly.Deployment.Tests.Infrastructure;

/// <summary>Paths baked into the test assembly at build time (see the project file).</summary>
internal static class TestPaths
{
    /// <summary>The bicep binary inside the restored Azure.Bicep.CommandLine.linux-x64 package.</summary>
    public static string BicepPath => Metadata("BicepPath");

    /// <summary>The repository root, where azure.yaml and infra/ live.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata; build it with dotnet build.");
}
