using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Schedly.AzureStorage.Connection;
using Schedly.Core.Webhooks;
using Schedly.Email;
using Schedly.Functions.Composition;

namespace Schedly.Deployment.Tests.Configuration;

/// <summary>
/// The app as Program composes it (<see cref="SchedlyServiceCollectionExtensions.AddSchedly"/>), with settings under
/// their app-setting names: a bad configuration stops the start with every problem at once, before any storage call.
/// </summary>
public sealed class StartupValidationTests
{
    private static readonly string _secret = new('s', 40);

    [Fact]
    public async Task StartAsync_SeveralBadSettings_FailsWithEveryMessage()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage__accountName"] = "Bad_Name",
            ["Schedly__Security__OperatorKey"] = "short",
            ["Schedly__Security__ManageTokenSecret"] = "",
            ["Schedly__PublicBaseUrl"] = "bookings.example.com",
            ["Schedly__Email__Provider"] = "Smtp",
            ["Schedly__Email__Smtp__Port"] = "0",
            ["Schedly__Webhooks__TimeoutSeconds"] = "600",
            ["Schedly__Webhooks__DisableAfterHours"] = "0",
        });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = ValidatedOptions.Failures(exception) ?? throw new Xunit.Sdk.XunitException($"Expected options validation failures, got {exception}");
        Assert.Equal(
            [
                "AzureWebJobsStorage:accountName", "Schedly:Email:Smtp:Host", "Schedly:Email:Smtp:Port", "Schedly:PublicBaseUrl",
                "Schedly:Security:ManageTokenSecret", "Schedly:Security:OperatorKey", "Schedly:Webhooks:DisableAfterHours",
                "Schedly:Webhooks:TimeoutSeconds",
            ],
            messages.Select(m => m[..m.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("short", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SampleLocalSettings_HaveNoProblems()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Schedly__Security__OperatorKey"] = _secret,
            ["Schedly__Security__ManageTokenSecret"] = _secret,
            ["Schedly__PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Schedly__Email__Provider"] = "PickupFolder",
            ["Schedly__Email__PickupFolder"] = ".schedly/mail",
            ["Schedly__Email__FromAddress"] = "bookings@schedly.localhost",
            ["Schedly__Webhooks__AllowPrivateAddresses"] = "true",
        });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(host.Services.GetRequiredService<WebhookOptions>().AllowPrivateAddresses);
        Assert.Equal(EmailProvider.PickupFolder, host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Provider);
        Assert.True(host.Services.GetRequiredService<IOptions<StorageConnectionSettings>>().Value.UsesConnectionString);
    }

    [Fact]
    public void Validate_AzureAppSettings_BindIdentityStorageAndAcs()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage__accountName"] = "stschedly",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-0000000000c1",
            ["Schedly__Security__OperatorKey"] = _secret,
            ["Schedly__Security__ManageTokenSecret"] = _secret,
            ["Schedly__PublicBaseUrl"] = "https://func-schedly.azurewebsites.net",
            ["Schedly__Email__Provider"] = "AzureCommunicationServices",
            ["Schedly__Email__FromAddress"] = "DoNotReply@example.com",
            ["Schedly__Email__AzureCommunicationServices__Endpoint"] = "https://acs-schedly.communication.azure.com",
            ["Schedly__Email__AzureCommunicationServices__ClientId"] = "00000000-0000-0000-0000-0000000000c1",
        });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var storage = host.Services.GetRequiredService<IOptions<StorageConnectionSettings>>().Value;
        Assert.False(storage.UsesConnectionString);
        Assert.Equal("00000000-0000-0000-0000-0000000000c1", storage.ClientId);
        Assert.Equal(new Uri("https://stschedly.queue.core.windows.net/"), storage.ResolveQueueServiceUri());
    }

    /// <summary>The host as the Functions Program builds it, with settings as environment variables would give them.</summary>
    private static IHost Build(Dictionary<string, string?> appSettings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(appSettings.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value));
        builder.Services.AddSchedly(builder.Configuration);
        return builder.Build();
    }
}
