using Microsoft.Extensions.Configuration;
using Schedly.AzureStorage.Connection;

namespace Schedly.Functions.Composition;

/// <summary>
/// Reads the storage connection from the same setting the Functions host uses,
/// <c>AzureWebJobsStorage</c>, so queue triggers and our own clients always talk to the same account.
/// The identity settings under it are bound by the configuration binder; the setting's own value (a connection
/// string) is read here, because a section's value cannot be bound to a property.
/// </summary>
public static class StorageConfiguration
{
    public const string SettingName = StorageConnectionSettings.DefaultSettingName;

    public static StorageConnectionSettings Read(IConfiguration configuration) => Read(configuration, SettingName);

    /// <summary>Reads a connection named <paramref name="settingName"/> in the same two forms.</summary>
    public static StorageConnectionSettings Read(IConfiguration configuration, string settingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new StorageConnectionSettings();
        configuration.GetSection(settingName).Bind(settings);
        ReadValue(settings, configuration, settingName);
        return settings;
    }

    /// <summary>Sets what the binder cannot: the connection string (the section's value) and the setting's name.</summary>
    public static void ReadValue(StorageConnectionSettings settings, IConfiguration configuration, string settingName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        settings.SettingName = settingName;
        settings.ConnectionString = configuration.GetSection(settingName).Value;
    }
}
