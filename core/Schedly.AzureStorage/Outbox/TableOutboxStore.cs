using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Outbox;

namespace Schedly.AzureStorage.Outbox;

/// <summary>
/// The outbox rows (<c>outbox|{eventId}</c> in each host's partition of <c>hosts</c>) as an <see cref="OutboxGuard"/>
/// checks them: one point read, and a delete. Nothing here lists rows across hosts. Every outbox row is deleted by the
/// fan-out once it has handled the event (usually within a second of the change), or else by its guard.
/// </summary>
public sealed class TableOutboxStore(TableServiceClient tables) : IOutboxStore
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<PendingOutboxEvent?> FindAsync(string host, string eventId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(host, BookingRowKeys.Outbox(eventId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } row || row.GetString("Message") is not { } message)
        {
            return null;
        }

        var occurredAt = row.GetDateTimeOffset("OccurredAt") is { } at ? Instant.FromDateTimeOffset(at) : Instant.MinValue;
        return new PendingOutboxEvent(host, eventId, row.GetString("EventType") ?? "", message, occurredAt, row.GetBoolean("Dispatched") == true);
    }

    public async Task RemoveAsync(string host, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(host, BookingRowKeys.Outbox(eventId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Deleted by an earlier delivery, or by the fan-out or the guard, whichever came first.
        }
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

/// <summary>Sends <see cref="OutboxGuard"/>s to <c>outbox-guard</c>, invisible for <see cref="OutboxGuard.Delay"/>.</summary>
public sealed class OutboxGuardQueue(QueueServiceClient queues)
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.OutboxGuard);

    public async Task ArmAsync(OutboxGuard guard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(guard);
        await _queue.SendMessageAsync(guard.ToJson(), visibilityTimeout: OutboxGuard.Delay.ToTimeSpan(), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }
}
