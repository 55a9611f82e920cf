using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Schedly.AzureStorage.Connection;
using Schedly.Core.Security;
using Schedly.Functions.Composition;
using Schedly.LocalRunner.Configuration;
using Schedly.LocalRunner.Discovery;
using Schedly.LocalRunner.Triggers;

namespace Schedly.LocalRunner;

/// <summary>
/// Builds the local runner: configuration from local.settings.json (plus environment and
/// overrides), the functions' own service registration, and one endpoint, queue listener or timer
/// per discovered function. Holds no business logic.
/// </summary>
public static class LocalRunnerHost
{
    public const int DefaultPort = 7071;

    public static LocalRunner Build(LocalRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var localSettings = LocalSettings.Load(Path.Combine(options.RootDirectory, "local.settings.json"));
        var port = options.Port ?? localSettings.LocalHttpPort ?? DefaultPort;
        var corsOrigins = options.CorsOrigins ?? localSettings.CorsOrigins;
        var problems = (options with { Port = port, CorsOrigins = corsOrigins }).Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The local runner's options are invalid: " + string.Join(" ", problems), nameof(options));
        }

        var hostJson = HostJsonSettings.Load(Path.Combine(options.RootDirectory, "host.json"));
        var catalog = FunctionCatalog.Discover([.. options.FunctionAssemblies]);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = options.RootDirectory,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(localSettings.Values);
        if (options.ReadEnvironment)
        {
            builder.Configuration.AddEnvironmentVariables();
        }

        builder.Configuration.AddInMemoryCollection(options.Settings.ToDictionary(p => LocalSettings.ToConfigurationKey(p.Key), p => p.Value));
        var generatedOperatorKey = EnsureSecret(builder.Configuration, nameof(SecurityOptions.OperatorKey));
        EnsureSecret(builder.Configuration, nameof(SecurityOptions.ManageTokenSecret));


        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(hostJson);
        options.ConfigureServices(builder.Services, builder.Configuration);
        AddTriggerServices(builder, catalog);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            _ = corsOrigins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins([.. corsOrigins]);
            policy.AllowAnyHeader().AllowAnyMethod();
        }));

        var app = builder.Build();
        if (corsOrigins.Count > 0)
        {
            app.UseCors();
        }

        HttpTriggerEndpoints.Map(app, catalog.Http, hostJson.RoutePrefix);
        return new LocalRunner(app, catalog, generatedOperatorKey);
    }

    private static void AddTriggerServices(WebApplicationBuilder builder, FunctionCatalog catalog)
    {
        foreach (var queueFunction in catalog.Queues)
        {
            FunctionInvoker.EnsureBindable(queueFunction, new HashSet<string>());
            var connection = ReadConnection(builder.Configuration, queueFunction.Connection);
            builder.Services.AddSingleton<IHostedService>(provider => new QueueTriggerListener(
                queueFunction,
                () => new StorageClients(connection).RawQueues,
                provider.GetRequiredService<HostJsonSettings>(),
                provider,
                provider.GetRequiredService<ILogger<QueueTriggerListener>>()));
        }

        foreach (var timerFunction in catalog.Timers)
        {
            FunctionInvoker.EnsureBindable(timerFunction, new HashSet<string>());
            var schedule = TimerSchedule.Parse(timerFunction.Schedule, name => builder.Configuration[LocalSettings.ToConfigurationKey(name)]);
            builder.Services.AddSingleton<IHostedService>(provider => new TimerTriggerScheduler(
                timerFunction,
                schedule,
                provider,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<TimerTriggerScheduler>>()));
        }
    }

    private static StorageConnectionSettings ReadConnection(IConfiguration configuration, string settingName) =>
        settingName == StorageConfiguration.SettingName
            ? StorageConfiguration.Read(configuration)
            : StorageConfiguration.Read(configuration, settingName);

    /// <summary>
    /// A local run without a configured secret gets a fresh one for this run (the operator key is
    /// printed). scripts/run.sh writes both into local.settings.json so they survive restarts.
    /// </summary>
    private static string? EnsureSecret(ConfigurationManager configuration, string name)
    {
        var key = SecurityOptions.Section + ":" + name;
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return null;
        }

        var generated = ApiKey.Generate().Value;
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = generated });
        return generated;
    }
}

/// <summary>A built runner: start it, read its address, stop it.</summary>
public sealed class LocalRunner(WebApplication app, FunctionCatalog catalog, string? generatedOperatorKey) : IAsyncDisposable
{
    public WebApplication App => app;

    public FunctionCatalog Catalog => catalog;

    /// <summary>The operator key generated for this run, when none was configured.</summary>
    public string? GeneratedOperatorKey => generatedOperatorKey;

    public IServiceProvider Services => app.Services;

    public IConfiguration Configuration => app.Configuration;

    /// <summary>The bound address, such as <c>http://127.0.0.1:7071</c>; valid after <see cref="StartAsync"/>.</summary>
    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Task StartAsync(CancellationToken cancellationToken = default) => app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
