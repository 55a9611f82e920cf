using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Analytics;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Analytics;

/// <summary>Every host: the <c>profile</c> rows of the <c>hosts</c> table (a table scan that returns only keys).</summary>
public sealed class TableHostDirectory(TableServiceClient tables) : IHostDirectory
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async IAsyncEnumerable<HostSlug> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {SchedlyTables.ProfileRowKey}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (HostSlug.TryParse(row.PartitionKey, out var slug))
            {
                yield return slug;
            }
        }
    }
}
