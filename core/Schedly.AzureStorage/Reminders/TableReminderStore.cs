using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;

namespace Schedly.AzureStorage.Reminders;

/// <summary>
/// Reminder entries in the host's partition (<c>remind|{due ticks}|…</c>, see <see cref="BookingRowKeys"/>): one
/// range query returns exactly what is due; completing one deletes it at its version and writes its outcome
/// row in the same transaction.
/// </summary>
public sealed class TableReminderStore(TableServiceClient tables) : IReminderStore
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<IReadOnlyList<DueReminder>> ListDueAsync(HostSlug host, Instant upTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {host.Value} and RowKey ge {BookingRowKeys.ReminderPrefix} and RowKey le {BookingRowKeys.ReminderUpTo(upTo)}");
        var due = new List<DueReminder>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = row.RowKey.Split('|');
            due.Add(new DueReminder(
                host,
                parts[2],
                int.Parse(parts[3], CultureInfo.InvariantCulture),
                Instant.FromUnixTimeTicks(long.Parse(parts[1], CultureInfo.InvariantCulture)),
                row.ETag.ToString()));
        }

        return due;
    }

    public async Task<bool> TryCompleteAsync(DueReminder reminder, ReminderOutcome outcome, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var host = reminder.Host.Value;
        var entry = new TableEntity(host, BookingRowKeys.Reminder(reminder.Due, reminder.BookingRandomId, reminder.OffsetMinutes));
        var log = new TableEntity(host, BookingRowKeys.ReminderLog(reminder.Due, reminder.BookingRandomId, reminder.OffsetMinutes))
        {
            ["Outcome"] = outcome.ToString(),
            ["At"] = at.ToDateTimeOffset(),
        };
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Delete, entry, new ETag(reminder.Version)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, log),
                ],
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
