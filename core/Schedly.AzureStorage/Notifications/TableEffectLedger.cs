using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Notifications;
using Schedly.Core.Webhooks;

namespace Schedly.AzureStorage.Notifications;

/// <summary>
/// The effects ledger: monthly tables <c>effects{yyyyMM}</c> (<see cref="DatedTableSet.EffectLedger"/>), PartitionKey =
/// host, RowKey = <c>email|{effectId}</c> or <c>webhook|{deliveryId}</c>, with the time the effect happened. An effect
/// is looked up in this month's table, then last month's (a redelivery comes within days), and recorded in the table
/// of the month it happened; older months are dropped whole. Inserting an existing key is a 409, ignored.
/// </summary>
public sealed class TableEffectLedger(TableServiceClient tables, IClock clock) : IEffectLedger
{
    public async Task<bool> HasAsync(string host, string key, CancellationToken cancellationToken)
    {
        foreach (var name in DatedTableSet.EffectLedger.KeptNames(clock.GetCurrentInstant()))
        {
            try
            {
                var found = await tables.GetTableClient(name).GetEntityIfExistsAsync<TableEntity>(host, key, select: ["RowKey"], cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (found.HasValue)
                {
                    return true;
                }
            }
            catch (RequestFailedException e) when (DatedTable.IsMissingTable(e))
            {
                // No effect recorded in that month.
            }
        }

        return false;
    }

    public async Task RecordAsync(string host, string key, Instant at, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(DatedTableSet.EffectLedger.NameAt(at));
        try
        {
            await DatedTable.WriteCreatingAsync(
                table,
                () => table.AddEntityAsync(new TableEntity(host, key) { ["DoneAt"] = at.ToDateTimeOffset() }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded already by another delivery of the same message.
        }
    }
}

/// <summary>Sends effect messages (JSON, base64 as the queue triggers expect) to <c>emails</c> and <c>webhooks</c>.</summary>
public sealed class QueueNotificationQueue(QueueServiceClient queues) : INotificationQueue
{
    private readonly QueueClient _emails = queues.GetQueueClient(SchedlyQueues.Emails);
    private readonly QueueClient _webhooks = queues.GetQueueClient(SchedlyQueues.Webhooks);

    public async Task SendEmailAsync(EmailEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        await _emails.SendMessageAsync(effect.ToJson(), cancellationToken).ConfigureAwait(false);
    }

    public async Task SendWebhookAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await _webhooks.SendMessageAsync(delivery.ToJson(), visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }
}
