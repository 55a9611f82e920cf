using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Table <c>hostdirectory</c>: one partition <c>hosts</c>, RowKey = host slug, columns <c>Name</c>, <c>Email</c>,
/// <c>Suspended</c>, <c>CreatedAt</c>. Recording is one upsert; listing is one paged query of that partition (slug
/// order). Hosts created before the directory existed appear once their profile is saved again.
/// </summary>
public sealed class TableHostDirectory(TableServiceClient tables) : IHostDirectory
{
    public const string TableName = "hostdirectory";
    private const string Partition = "hosts";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task RecordAsync(Host host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var entity = new TableEntity(Partition, host.Slug.Value)
        {
            ["Name"] = host.Profile.Name,
            ["Email"] = host.Profile.Email,
            ["Suspended"] = host.Suspended,
            ["CreatedAt"] = host.CreatedAt.ToDateTimeOffset(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HostDirectoryPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuation, pageSize).ConfigureAwait(false))
        {
            var hosts = page.Values
                .Where(e => HostSlug.TryParse(e.RowKey, out _))
                .Select(e => new HostDirectoryEntry(
                    HostSlug.Parse(e.RowKey),
                    e.GetString("Name") ?? "",
                    e.GetString("Email") ?? "",
                    e.GetBoolean("Suspended") ?? false,
                    e.GetDateTimeOffset("CreatedAt") is { } created ? Instant.FromDateTimeOffset(created) : Instant.MinValue))
                .ToList();
            return new HostDirectoryPage(hosts, page.ContinuationToken);
        }

        return new HostDirectoryPage([], null);
    }
}
