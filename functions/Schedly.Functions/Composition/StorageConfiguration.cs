using Microsoft.Extensions.Configuration;
using Schedly.AzureStorage.Connection;

namespace Schedly.Functions.Composition;

/// <summary>
/// Reads the storage connection from the same setting the Functions host uses,
/// <c>AzureWebJobsStorage</c>, so queue triggers and our own clients always talk to the same account.
/// </summary>
public static class StorageConfiguration
{
    public const string SettingName = "AzureWebJobsStorage";

    public static StorageConnectionSettings Read(IConfiguration configuration) => Read(configuration, SettingName);

    /// <summary>Reads a connection named <paramref name="settingName"/> in the same two forms.</summary>
    public static StorageConnectionSettings Read(IConfiguration configuration, string settingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(settingName);
        return new StorageConnectionSettings
        {
            ConnectionString = section.Value,
            AccountName = section["accountName"],
            TableServiceUri = ReadUri(section["tableServiceUri"]),
            QueueServiceUri = ReadUri(section["queueServiceUri"]),
            ClientId = section["clientId"],
        };
    }

    private static Uri? ReadUri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
