using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;

namespace Schedly.AzureStorage.Reminders;

/// <summary>
/// Reminder hints in table <c>reminderhints</c>: PartitionKey <c>{yyyyMMddHHmm}-{shard}</c> (the due UTC minute, and
/// one of <see cref="Shards"/> shards by host so a busy minute spreads over several partitions), RowKey the host (a
/// reminders hint), <c>{host}|housekeeping</c> (a housekeeping hint) or <c>{host}|expiry</c> (a pending-expiry hint).
/// Partition keys sort by minute, so "everything due up to now" is one range query over the keys below the next
/// minute; drained hints are deleted, so the range holds only work that is due and not yet queued.
/// </summary>
public sealed class TableReminderIndex(TableServiceClient tables) : IReminderIndex
{
    public const string TableName = "reminderhints";

    /// <summary>Partitions per minute.</summary>
    public const int Shards = 4;

    private const string MinuteFormat = "yyyyMMddHHmm";

    private const string HousekeepingSuffix = "|housekeeping";

    private const string ExpirySuffix = "|expiry";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task MarkAsync(ReminderHint hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hint);
        await _table.UpsertEntityAsync(new TableEntity(PartitionKey(hint), RowKey(hint)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderHint>> ListDueAsync(Instant upTo, int max, CancellationToken cancellationToken)
    {
        // Every partition key of upTo's minute and before sorts below "{minute}-~".
        var last = Minute(upTo) + "-~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {last}");
        var hints = new List<ReminderHint>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            var kind = row.RowKey.EndsWith(HousekeepingSuffix, StringComparison.Ordinal) ? HintKind.Housekeeping
                : row.RowKey.EndsWith(ExpirySuffix, StringComparison.Ordinal) ? HintKind.PendingExpiry
                : HintKind.Reminders;
            var slug = kind switch
            {
                HintKind.Housekeeping => row.RowKey[..^HousekeepingSuffix.Length],
                HintKind.PendingExpiry => row.RowKey[..^ExpirySuffix.Length],
                _ => row.RowKey,
            };
            if (HostSlug.TryParse(slug, out var host)
                && DateTime.TryParseExact(row.PartitionKey.AsSpan(0, MinuteFormat.Length), MinuteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var minute))
            {
                hints.Add(new ReminderHint(Instant.FromDateTimeUtc(minute), host, kind));
            }

            if (hints.Count >= max)
            {
                break;
            }
        }

        return hints;
    }

    public async Task RemoveAsync(ReminderHint hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hint);
        try
        {
            await _table.DeleteEntityAsync(PartitionKey(hint), RowKey(hint), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Removed by an earlier run that died before it could say so.
        }
    }

    private static string RowKey(ReminderHint hint) => hint.Kind switch
    {
        HintKind.Housekeeping => hint.Host.Value + HousekeepingSuffix,
        HintKind.PendingExpiry => hint.Host.Value + ExpirySuffix,
        _ => hint.Host.Value,
    };

    private static string PartitionKey(ReminderHint hint) =>
        Minute(hint.Minute) + "-" + Shard(hint.Host.Value).ToString(CultureInfo.InvariantCulture);

    private static string Minute(Instant instant) => instant.ToDateTimeUtc().ToString(MinuteFormat, CultureInfo.InvariantCulture);

    /// <summary>A stable shard (FNV-1a of the slug), the same on every instance and release.</summary>
    private static int Shard(string host)
    {
        var hash = 2166136261u;
        foreach (var c in host)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Shards);
    }
}

/// <summary>Sends <see cref="HostReminderWork"/> to the <c>reminders</c> queue.</summary>
public sealed class QueueReminderWorkQueue(QueueServiceClient queues) : IReminderWorkQueue
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.Reminders);

    public async Task EnqueueAsync(HostReminderWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _queue.SendMessageAsync(work.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}
