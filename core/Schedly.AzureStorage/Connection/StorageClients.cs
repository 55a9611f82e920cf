using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Schedly.AzureStorage.Connection;

/// <summary>
/// Builds the Table, Queue and Blob service clients for the configured connection: a connection string
/// when one is given, otherwise the service URIs with a <see cref="TokenCredential"/> (managed
/// identity in Azure). Queue messages are base64, as the Functions queue trigger expects.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(StorageConnectionSettings settings, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (settings.UsesConnectionString)
        {
            Tables = new TableServiceClient(settings.ConnectionString);
            Queues = new QueueServiceClient(settings.ConnectionString, queueOptions);
            RawQueues = new QueueServiceClient(settings.ConnectionString);
            Blobs = new BlobServiceClient(settings.ConnectionString);
            UsesIdentity = false;
            return;
        }

        credential ??= CreateDefaultCredential(settings.ClientId);
        Tables = new TableServiceClient(settings.ResolveTableServiceUri(), credential);
        Queues = new QueueServiceClient(settings.ResolveQueueServiceUri(), credential, queueOptions);
        RawQueues = new QueueServiceClient(settings.ResolveQueueServiceUri(), credential);
        Blobs = new BlobServiceClient(settings.ResolveBlobServiceUri(), credential);
        UsesIdentity = true;
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Queues without message encoding: bodies as stored, for a host that decodes them itself.</summary>
    public QueueServiceClient RawQueues { get; }

    /// <summary>Blob Storage: the hosts' photos.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>True when the clients authenticate with a token credential rather than a shared key.</summary>
    public bool UsesIdentity { get; }

    private static DefaultAzureCredential CreateDefaultCredential(string? clientId) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
