using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Schedly.Core.Validation;
using Schedly.Functions.Composition;

namespace Schedly.LocalRunner;

/// <summary>
/// What to host and where. Defaults run Schedly's own functions as <c>func start</c> would. Set in code (the runner's
/// Program and tests), not bound; <see cref="Validate"/> names each property as <c>LocalRunner:Name</c>, and the
/// local.settings.json key where one feeds it. <see cref="LocalRunnerHost.Build"/> refuses invalid options with every
/// message; the app's own settings are then validated when it starts, as in Azure.
/// </summary>
public sealed record LocalRunnerOptions : IValidatableOptions
{
    public const string Section = "LocalRunner";

    /// <summary>The folder holding <c>host.json</c> and <c>local.settings.json</c>. Required.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Loopback port; null takes <c>Host.LocalHttpPort</c> from local.settings.json (else 7071); 0 picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Settings that override local.settings.json and the environment (tests use this). Default none.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether environment variables override local.settings.json, as they do under <c>func start</c>. Default true.</summary>
    public bool ReadEnvironment { get; init; } = true;

    /// <summary>Browser origins allowed by CORS; null takes <c>Host.CORS</c> from local.settings.json (as Azure's platform CORS).</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }

    /// <summary>The assemblies whose functions are hosted; at least one. Default Schedly.Functions.</summary>
    public IReadOnlyList<Assembly> FunctionAssemblies { get; init; } = [typeof(SchedlyServiceCollectionExtensions).Assembly];

    /// <summary>Registers the functions' services; the same registration the Functions app's Program uses.</summary>
    public Action<IServiceCollection, IConfiguration> ConfigureServices { get; init; } =
        static (services, configuration) => services.AddSchedly(configuration);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(RootDirectory) || !File.Exists(Path.Combine(RootDirectory, "host.json")))
        {
            errors.Add($"{Section}:RootDirectory must be a folder holding host.json (was '{RootDirectory}').");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"{Section}:Port (else Host:LocalHttpPort in local.settings.json) must be between 0 (any free port) and 65535.");
        }

        if (CorsOrigins is not null && CorsOrigins.Any(origin => !IsOrigin(origin)))
        {
            errors.Add($"{Section}:CorsOrigins (else Host:CORS in local.settings.json) must each be * or an origin such as http://localhost:5173.");
        }

        if (Settings is null)
        {
            errors.Add($"{Section}:Settings must not be null (leave it out for none).");
        }

        if (FunctionAssemblies is null || FunctionAssemblies.Count == 0)
        {
            errors.Add($"{Section}:FunctionAssemblies must name at least one assembly.");
        }

        if (ConfigureServices is null)
        {
            errors.Add($"{Section}:ConfigureServices must not be null (leave it out for the app's own registration).");
        }

        return errors;
    }

    /// <summary>An origin as CORS compares it: <c>*</c>, or scheme, host and port only.</summary>
    public static bool IsOrigin(string? origin) => origin == "*"
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && !origin.EndsWith('/'));
}
