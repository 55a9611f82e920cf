using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Schedly.AzureStorage.Connection;
using Schedly.Deployment.Tests.Infrastructure;
using Schedly.Functions.Composition;

namespace Schedly.Deployment.Tests.Templates;

/// <summary>
/// The app settings infra/app/api.bicep gives the Function App, read from the compiled ARM JSON:
/// the exact names the app reads, identity everywhere, no key or connection string.
/// </summary>
public sealed class AppSettingsTests(CompiledTemplateFixture template) : IClassFixture<CompiledTemplateFixture>
{
    [Fact]
    public void AppSettings_Storage_AreIdentityBased()
    {
        var settings = template.AppSettings();

        Assert.NotNull(settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", Literal(settings, "AzureWebJobsStorage__credential"));
        Assert.Contains("identityClientId", Expression(settings, "AzureWebJobsStorage__clientId"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Storage_HaveNoConnectionString()
    {
        var names = template.AppSettings().Select(p => p.Key).ToList();

        Assert.DoesNotContain(names, n => string.Equals(n, "AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("Storage__ConnectionString", StringComparison.OrdinalIgnoreCase));
        Assert.All(
            names.Where(n => n.StartsWith("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase)),
            n => Assert.Contains(n, new[] { "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId" }));
    }

    [Fact]
    public void AppSettings_StorageNames_AreReadByTheAppAsIdentityClients()
    {
        var sample = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__accountName"] = "stschedly",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-0000000000c1",
        };
        var values = template.AppSettings()
            .Where(p => p.Key.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal))
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)sample[p.Key]);

        var settings = StorageConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.False(settings.UsesConnectionString);
        Assert.Equal("00000000-0000-0000-0000-0000000000c1", settings.ClientId);
        Assert.Equal(new Uri("https://stschedly.table.core.windows.net/"), settings.ResolveTableServiceUri());
        Assert.Equal(new Uri("https://stschedly.queue.core.windows.net/"), settings.ResolveQueueServiceUri());
    }

    [Theory]
    [InlineData("Schedly__Security__OperatorKey", "operatorKey')")]
    [InlineData("Schedly__Security__ManageTokenSecret", "manageTokenSecret')")]
    public void AppSettings_Secrets_AreKeyVaultReferences(string setting, string parameterReference)
    {
        var value = Expression(template.AppSettings(), setting);

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
        Assert.DoesNotContain(parameterReference, value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_Email_UseCommunicationServicesWithIdentityUnderEmailOptionsNames()
    {
        // The names EmailOptions (core/Schedly.Email) binds from Schedly:Email.
        var settings = template.AppSettings();

        Assert.Equal("AzureCommunicationServices", Literal(settings, "Schedly__Email__Provider"));
        Assert.Contains("emailSender", Expression(settings, "Schedly__Email__FromAddress"), StringComparison.Ordinal);
        Assert.Contains("emailEndpoint", Expression(settings, "Schedly__Email__AzureCommunicationServices__Endpoint"), StringComparison.Ordinal);
        Assert.Contains("identityClientId", Expression(settings, "Schedly__Email__AzureCommunicationServices__ClientId"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_UrlAndTelemetry_AreSet()
    {
        var settings = template.AppSettings();

        Assert.Contains("https://", Expression(settings, "Schedly__PublicBaseUrl"), StringComparison.Ordinal);
        Assert.Contains("applicationInsightsConnectionString", Expression(settings, "APPLICATIONINSIGHTS_CONNECTION_STRING"), StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", Expression(settings, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReminderSchedule", "0 */1 * * * *")]
    public void AppSettings_TimerSchedules_AreSetToTheirDefaults(string setting, string schedule)
    {
        Assert.Equal(schedule, Literal(template.AppSettings(), setting));
    }

    [Fact]
    public void AppSettings_EveryTimerScheduleSetting_IsSet()
    {
        // A %Setting% schedule that is not an app setting stops the Functions host from indexing the timer.
        var settings = template.AppSettings();
        var names = TimerScheduleSettings();

        Assert.Contains("ReminderSchedule", names);
        Assert.DoesNotContain("AnalyticsRollupSchedule", names); // analytics follow booking events: no timer
        Assert.All(names, name => Assert.NotEmpty(Literal(settings, name)));
    }

    [Fact]
    public void AppSettings_FlexConsumption_OmitWorkerRuntimeSettings()
    {
        var names = template.AppSettings().Select(p => p.Key).ToList();

        // Flex Consumption takes these from functionAppConfig and rejects them as app settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", names);
    }

    [Fact]
    public void Template_Anywhere_HasNoAccountKeyOrSharedAccessSignature()
    {
        Assert.DoesNotContain("AccountKey", template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys", template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", template.Json, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The settings named by the app's <c>[TimerTrigger("%Setting%")]</c> schedules.</summary>
    private static List<string> TimerScheduleSettings() =>
        typeof(SchedlyServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .OfType<string>()
            .Where(s => s.Length > 2 && s[0] == '%' && s[^1] == '%')
            .Select(s => s[1..^1])
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void AppSettings_RateLimits_TrustTheFrontEndAndBindToValidOptions()
    {
        // Behind the platform's front end the connection comes from the front end: the client is in X-Forwarded-For.
        var settings = template.AppSettings();
        Assert.Equal("true", Literal(settings, "Schedly__RateLimits__TrustForwardedFor"));

        var values = settings.Where(p => p.Key.StartsWith("Schedly__RateLimits__", StringComparison.Ordinal))
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)Literal(settings, p.Key));
        var options = new Schedly.Core.Abuse.RateLimitOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(Schedly.Core.Abuse.RateLimitOptions.Section).Bind(options);

        Assert.True(options.TrustForwardedFor);
        Assert.True(options.Enabled);
        Assert.Equal(10, options.WritesPerClient);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void AppSettings_ProofOfWork_IsOnAndBindsToValidOptions()
    {
        var settings = template.AppSettings();
        var values = settings.Where(p => p.Key.StartsWith("Schedly__ProofOfWork__", StringComparison.Ordinal))
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)Literal(settings, p.Key));
        var options = new Schedly.Core.Abuse.ProofOfWorkOptions { Enabled = false };
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(Schedly.Core.Abuse.ProofOfWorkOptions.Section).Bind(options);

        Assert.True(options.Enabled);
        Assert.Empty(options.Validate());
    }

    /// <summary>A setting whose value is a plain string, not an ARM expression.</summary>
    private static string Literal(JsonObject settings, string name)
    {
        var value = Value(settings, name);
        Assert.False(value.StartsWith('['), $"{name} should be a literal, was {value}");
        return value;
    }

    /// <summary>A setting whose value is an ARM expression ("[...]").</summary>
    private static string Expression(JsonObject settings, string name)
    {
        var value = Value(settings, name);
        Assert.True(value.StartsWith('[') && value.EndsWith(']'), $"{name} should be an ARM expression, was {value}");
        return value;
    }

    private static string Value(JsonObject settings, string name)
    {
        Assert.True(settings.ContainsKey(name), $"App setting {name} is missing.");
        return settings[name]?.GetValue<string>() ?? throw new InvalidOperationException($"{name} is null.");
    }
}
