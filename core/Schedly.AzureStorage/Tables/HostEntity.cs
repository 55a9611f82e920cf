using Azure;
using Azure.Data.Tables;

namespace Schedly.AzureStorage.Tables;

/// <summary>The <c>profile</c> row of a host partition.</summary>
public sealed class HostEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = SchedlyTables.ProfileRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public string ApiKeyHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
