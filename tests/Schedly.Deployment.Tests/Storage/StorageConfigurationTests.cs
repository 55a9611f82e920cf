using Azure.Core;
using Microsoft.Extensions.Configuration;
using Schedly.AzureStorage.Connection;
using Schedly.Functions.Composition;

namespace Schedly.Deployment.Tests.Storage;

/// <summary>
/// The app reads <c>AzureWebJobsStorage</c> in the two forms the Functions host accepts: a connection
/// string locally (Azurite), identity-based settings in Azure. Each form must pick its own client.
/// </summary>
public sealed class StorageConfigurationTests
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000c1";

    [Fact]
    public void Read_ConnectionString_BuildsSharedKeyClients()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        var clients = new StorageClients(settings);

        Assert.True(settings.UsesConnectionString);
        Assert.False(clients.UsesIdentity);
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.Equal("devstoreaccount1", clients.Queues.AccountName);
        Assert.True(clients.Tables.Uri.IsLoopback);
        Assert.True(clients.Queues.Uri.IsLoopback);
    }

    [Fact]
    public void Read_AccountName_BuildsIdentityClientsOnAccountEndpoints()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stschedly",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        }));

        var clients = new StorageClients(settings, new UnusedCredential());

        Assert.False(settings.UsesConnectionString);
        Assert.Equal(ClientId, settings.ClientId);
        Assert.True(clients.UsesIdentity);
        Assert.Equal(new Uri("https://stschedly.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stschedly.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal(new Uri("https://stschedly.queue.core.windows.net/"), clients.RawQueues.Uri);
    }

    [Fact]
    public void Read_AccountNameWithoutCredential_BuildsDefaultAzureCredentialClients()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stschedly",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        }));

        // No token is requested until the first call, so building the clients needs no Azure.
        var clients = new StorageClients(settings);

        Assert.True(clients.UsesIdentity);
        Assert.Equal("stschedly", clients.Tables.AccountName);
    }

    [Fact]
    public void Read_ExplicitServiceUris_OverrideTheAccountName()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stignored",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net/",
        }));

        var clients = new StorageClients(settings, new UnusedCredential());

        Assert.True(clients.UsesIdentity);
        Assert.Equal(new Uri("https://tables.example.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://queues.example.net/"), clients.Queues.Uri);
    }

    [Fact]
    public void Read_ExplicitServiceUrisWithoutAccountName_BuildsIdentityClients()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stschedly.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stschedly.queue.core.windows.net",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stschedly.blob.core.windows.net",
        }));

        var clients = new StorageClients(settings, new UnusedCredential());

        Assert.True(clients.UsesIdentity);
        Assert.Equal(new Uri("https://stschedly.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stschedly.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal(new Uri("https://stschedly.blob.core.windows.net/"), clients.Blobs.Uri);
    }

    [Fact]
    public void Read_BlankConnectionStringWithAccountName_BuildsIdentityClients()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration(new()
        {
            ["AzureWebJobsStorage"] = " ",
            ["AzureWebJobsStorage:accountName"] = "stschedly",
        }));

        var clients = new StorageClients(settings, new UnusedCredential());

        Assert.True(clients.UsesIdentity);
        Assert.Equal(new Uri("https://stschedly.table.core.windows.net/"), clients.Tables.Uri);
    }

    [Fact]
    public void Read_AppSettingNamesWithDoubleUnderscores_BuildIdentityClients()
    {
        // App settings reach the worker as environment variables, where "__" stands for ":".
        var prefix = $"SCHEDLYTEST{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            [$"{prefix}AzureWebJobsStorage__accountName"] = "stschedly",
            [$"{prefix}AzureWebJobsStorage__credential"] = "managedidentity",
            [$"{prefix}AzureWebJobsStorage__clientId"] = ClientId,
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var settings = StorageConfiguration.Read(configuration);
            var clients = new StorageClients(settings, new UnusedCredential());

            Assert.True(clients.UsesIdentity);
            Assert.Equal(ClientId, settings.ClientId);
            Assert.Equal(new Uri("https://stschedly.table.core.windows.net/"), clients.Tables.Uri);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void Read_NothingConfigured_ThrowsInvalidOperationExceptionNamingTheSettings()
    {
        var settings = StorageConfiguration.Read(CreateConfiguration([]));

        var error = Assert.Throws<InvalidOperationException>(() => new StorageClients(settings, new UnusedCredential()));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullConfiguration_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => StorageConfiguration.Read(null!));
    }

    private static IConfiguration CreateConfiguration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>A credential that must never be asked for a token: building clients is offline.</summary>
    private sealed class UnusedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token may be requested while building clients.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token may be requested while building clients.");
    }
}
