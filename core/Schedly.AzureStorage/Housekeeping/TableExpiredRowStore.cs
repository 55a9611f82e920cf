using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Housekeeping;

namespace Schedly.AzureStorage.Housekeeping;

/// <summary>
/// Deletes a host's expired working rows (see <see cref="BookingRowKeys"/>): four range queries in the host's
/// partition, each over one row kind, then deletes in entity-group transactions of up to 100, each delete at the
/// version read (a row changed since is left for the next run). Claim cells are sorted by hour, so their query
/// reads only expired ones; the other kinds are filtered by their time column on the server.
/// </summary>
public sealed class TableExpiredRowStore(TableServiceClient tables) : IExpiredRowStore
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<PrunedRows> PruneAsync(HostSlug host, ExpiryCutoffs cutoffs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(cutoffs);
        var partition = host.Value;
        var cellsBefore = BookingRowKeys.Cell(ClaimCells.Floor(cutoffs.Claims));
        var cells = await DeleteAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {BookingRowKeys.CellPrefix} and RowKey lt {cellsBefore}"),
            _ => true,
            cancellationToken).ConfigureAwait(false);

        var counters = await DeleteAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {BookingRowKeys.DayPrefix} and RowKey lt {BookingRowKeys.DayPrefix + "~"}"),
            row => BookingRowKeys.DayDate(row.RowKey) is { } date && cutoffs.CounterExpired(date),
            cancellationToken).ConfigureAwait(false);

        var outcomes = await DeleteAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {BookingRowKeys.ReminderLogPrefix} and RowKey lt {BookingRowKeys.ReminderLogPrefix + "~"} and At lt {cutoffs.ReminderOutcomes.ToDateTimeOffset()}"),
            _ => true,
            cancellationToken).ConfigureAwait(false);

        var idempotency = await DeleteAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {BookingRowKeys.IdempotencyPrefix} and RowKey lt {BookingRowKeys.IdempotencyPrefix + "~"} and CreatedAt lt {cutoffs.Idempotency.ToDateTimeOffset()}"),
            _ => true,
            cancellationToken).ConfigureAwait(false);

        return new PrunedRows(cells, counters, outcomes, idempotency);
    }

    private async Task<int> DeleteAsync(string filter, Func<TableEntity, bool> expired, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batch = new List<TableTransactionAction>(TableBookingStore.MaxTransactionOperations);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!expired(row))
            {
                continue;
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag));
            if (batch.Count == TableBookingStore.MaxTransactionOperations)
            {
                deleted += await SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            deleted += await SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>One transaction; when a row in it changed or went meanwhile, the rest are deleted one by one.</summary>
    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            return batch.Count;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            var deleted = 0;
            foreach (var action in batch)
            {
                try
                {
                    await _table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                catch (RequestFailedException one) when (one.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
                {
                    // Gone already, or written again since it was read: the next run decides again.
                }
            }

            return deleted;
        }
    }
}
