using System.Text.RegularExpressions;
using Schedly.Core.Validation;

namespace Schedly.AzureStorage.Connection;

/// <summary>
/// How to reach the storage account, in the two forms the Functions host itself accepts for
/// <c>AzureWebJobsStorage</c>: a connection string (Azurite locally, <c>UseDevelopmentStorage=true</c>),
/// or identity-based settings (<c>AzureWebJobsStorage__accountName</c>, or explicit
/// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>, optionally <c>__clientId</c> for a
/// user-assigned managed identity). Bound from the <c>AzureWebJobsStorage</c> section (the identity settings) plus the
/// section's own value (the connection string, which the binder cannot reach). No defaults: one of the forms is required.
/// </summary>
public sealed partial record StorageConnectionSettings : IValidatableOptions
{
    /// <summary>The setting the Functions host reads; <see cref="Validate"/> names keys under it.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>The setting these were read from, for messages. Default <see cref="DefaultSettingName"/>.</summary>
    public string SettingName { get; set; } = DefaultSettingName;

    /// <summary>The value of the setting itself: a connection string. When set, the other properties are ignored.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>__accountName</c>: the account whose <c>https://{name}.table|queue.core.windows.net</c> endpoints are used.</summary>
    public string? AccountName { get; set; }

    /// <summary><c>__tableServiceUri</c>: an absolute https URL overriding the account's table endpoint.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary><c>__queueServiceUri</c>: an absolute https URL overriding the account's queue endpoint.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary><c>__blobServiceUri</c>: an absolute https URL overriding the account's blob endpoint.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary><c>__clientId</c>: a user-assigned managed identity's client id (a GUID); null: DefaultAzureCredential's choice.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public Uri ResolveTableServiceUri() => TableServiceUri ?? AccountUri("table");

    public Uri ResolveQueueServiceUri() => QueueServiceUri ?? AccountUri("queue");

    public Uri ResolveBlobServiceUri() => BlobServiceUri ?? AccountUri("blob");

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (UsesConnectionString)
        {
            if (!ConnectionString!.Contains('=', StringComparison.Ordinal))
            {
                errors.Add($"{SettingName} must be a storage connection string (UseDevelopmentStorage=true, or AccountName=…;AccountKey=…).");
            }

            return errors;
        }

        if (string.IsNullOrWhiteSpace(AccountName) && (TableServiceUri is null || QueueServiceUri is null))
        {
            errors.Add($"{SettingName} is not configured: set it to a connection string, or set {SettingName}:accountName (or both {SettingName}:tableServiceUri and {SettingName}:queueServiceUri) for identity-based access.");
        }
        else if (!string.IsNullOrWhiteSpace(AccountName) && !AccountNamePattern().IsMatch(AccountName))
        {
            errors.Add($"{SettingName}:accountName must be a storage account name: 3 to 24 lower-case letters and digits.");
        }

        CheckServiceUri(errors, TableServiceUri, "tableServiceUri");
        CheckServiceUri(errors, QueueServiceUri, "queueServiceUri");
        CheckServiceUri(errors, BlobServiceUri, "blobServiceUri");
        if (!string.IsNullOrWhiteSpace(ClientId) && !Guid.TryParse(ClientId, out _))
        {
            errors.Add($"{SettingName}:clientId must be the managed identity's client id (a GUID).");
        }

        return errors;
    }

    private void CheckServiceUri(List<string> errors, Uri? uri, string key)
    {
        if (uri is not null && !(uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
        {
            errors.Add($"{SettingName}:{key} must be an absolute https URL (http only on loopback).");
        }
    }

    private Uri AccountUri(string service) => string.IsNullOrWhiteSpace(AccountName)
        ? throw new InvalidOperationException(
            $"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__accountName (or __{service}ServiceUri) for identity-based access.")
        : new Uri($"https://{AccountName}.{service}.core.windows.net");

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AccountNamePattern();
}
