namespace Schedly.AzureStorage.Connection;

/// <summary>
/// How to reach the storage account, in the two forms the Functions host itself accepts for
/// <c>AzureWebJobsStorage</c>: a connection string (Azurite locally, <c>UseDevelopmentStorage=true</c>),
/// or identity-based settings (<c>AzureWebJobsStorage__accountName</c>, or explicit
/// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>, optionally <c>__clientId</c> for a
/// user-assigned managed identity).
/// </summary>
public sealed record StorageConnectionSettings
{
    public string? ConnectionString { get; init; }

    public string? AccountName { get; init; }

    public Uri? TableServiceUri { get; init; }

    public Uri? QueueServiceUri { get; init; }

    public string? ClientId { get; init; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public Uri ResolveTableServiceUri() => TableServiceUri ?? AccountUri("table");

    public Uri ResolveQueueServiceUri() => QueueServiceUri ?? AccountUri("queue");

    private Uri AccountUri(string service) => string.IsNullOrWhiteSpace(AccountName)
        ? throw new InvalidOperationException(
            $"Storage is not configured: set AzureWebJobsStorage to a connection string, or AzureWebJobsStorage__accountName (or __{service}ServiceUri) for identity-based access.")
        : new Uri($"https://{AccountName}.{service}.core.windows.net");
}
