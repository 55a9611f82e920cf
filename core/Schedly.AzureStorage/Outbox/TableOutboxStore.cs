using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Outbox;

namespace Schedly.AzureStorage.Outbox;

/// <summary>
/// The outbox rows (<c>outbox|{eventId}</c> in each host's partition of <c>hosts</c>) as the sweep sees them.
/// <para>
/// Cost: the query names no partition, so it is a scan of the whole <c>hosts</c> table. The service filters on the
/// server (RowKey range <c>outbox|</c>…, <c>Dispatched eq false</c>, <c>OccurredAt lt cutoff</c>) and returns only
/// matches, but still reads every row, in pages of up to 1,000 rows per request with continuation tokens: billed as one
/// transaction per page. With the sweep every minute that is cheap for thousands of rows and grows linearly with the
/// table; when that matters, move undispatched markers to their own table (PartitionKey = time bucket) so the sweep
/// reads only them.
/// </para>
/// </summary>
public sealed class TableOutboxStore(TableServiceClient tables) : IOutboxStore
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async IAsyncEnumerable<PendingOutboxEvent> ListUndispatchedAsync(Instant occurredBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = BookingRowKeys.OutboxPrefix;
        var to = BookingRowKeys.OutboxPrefix[..^1] + (char)(BookingRowKeys.OutboxPrefix[^1] + 1);
        var cutoff = occurredBefore.ToDateTimeOffset();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to} and Dispatched eq {false} and OccurredAt lt {cutoff}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", "EventType", "Message", "OccurredAt"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            var message = row.GetString("Message");
            var occurredAt = row.GetDateTimeOffset("OccurredAt");
            if (message is null || occurredAt is null)
            {
                continue;
            }

            yield return new PendingOutboxEvent(
                row.PartitionKey,
                row.RowKey[BookingRowKeys.OutboxPrefix.Length..],
                row.GetString("EventType") ?? "",
                message,
                Instant.FromDateTimeOffset(occurredAt.Value));
        }
    }

    public async Task MarkDispatchedAsync(PendingOutboxEvent pending, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var dispatched = new TableEntity(pending.Host, BookingRowKeys.Outbox(pending.EventId))
        {
            ["Dispatched"] = true,
            ["DispatchedAt"] = at.ToDateTimeOffset(),
        };
        await _table.UpdateEntityAsync(dispatched, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Sends an outbox row's message, as written, to <c>booking-events</c>.</summary>
public sealed class QueueOutboxQueue(QueueServiceClient queues) : IOutboxQueue
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.BookingEvents);

    public async Task EnqueueAsync(PendingOutboxEvent pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await _queue.SendMessageAsync(pending.Message, cancellationToken).ConfigureAwait(false);
    }
}
