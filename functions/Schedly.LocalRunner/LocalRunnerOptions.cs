using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Schedly.Functions.Composition;

namespace Schedly.LocalRunner;

/// <summary>What to host and where. Defaults run Schedly's own functions as <c>func start</c> would.</summary>
public sealed record LocalRunnerOptions
{
    /// <summary>The folder holding <c>host.json</c> and <c>local.settings.json</c>.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Loopback port; null takes <c>Host.LocalHttpPort</c> from local.settings.json (else 7071); 0 picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Settings that override local.settings.json and the environment (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether environment variables override local.settings.json, as they do under <c>func start</c>.</summary>
    public bool ReadEnvironment { get; init; } = true;

    /// <summary>Browser origins allowed by CORS; null takes <c>Host.CORS</c> from local.settings.json (as Azure's platform CORS).</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }

    public IReadOnlyList<Assembly> FunctionAssemblies { get; init; } = [typeof(SchedlyServiceCollectionExtensions).Assembly];

    /// <summary>Registers the functions' services; the same registration the Functions app's Program uses.</summary>
    public Action<IServiceCollection, IConfiguration> ConfigureServices { get; init; } =
        static (services, configuration) => services.AddSchedly(configuration);
}
