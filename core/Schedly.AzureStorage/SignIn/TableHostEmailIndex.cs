using System.Net;
using Azure;
using Azure.Data.Tables;
using Schedly.Core.Hosts;
using Schedly.Core.SignIn;

namespace Schedly.AzureStorage.SignIn;

/// <summary>
/// Table <c>hostemails</c>: PartitionKey = <see cref="HostEmailKey"/> (SHA-256 of the address), RowKey <c>owner</c>,
/// column <c>Host</c>. One point read finds a host by email; one upsert points an address at a host.
/// </summary>
public sealed class TableHostEmailIndex(TableServiceClient tables) : IHostEmailIndex
{
    public const string TableName = "hostemails";
    private const string RowKey = "owner";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<HostSlug?> FindAsync(HostEmailKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.Hex, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && HostSlug.TryParse(found.Value!.GetString("Host"), out var host) ? host : null;
    }

    public async Task PointAsync(HostEmailKey key, HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(host);
        await _table.UpsertEntityAsync(new TableEntity(key.Hex, RowKey) { ["Host"] = host.Value }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task ReleaseAsync(HostEmailKey key, HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(host);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.Hex, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.GetString("Host") != host.Value)
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(key.Hex, RowKey, found.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Gone, or pointed at another host meanwhile: either way no longer this host's.
        }
    }
}
