using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Analytics;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Analytics;

/// <summary>
/// Rollups in table <c>analytics</c>: PartitionKey = host, RowKey = <c>{yyyy-MM-dd}|{event type}</c>, so a
/// date range is one range query. Replacing a range upserts the new rows and deletes the ones that
/// no longer exist, in entity-group transactions of up to 100 operations.
/// </summary>
public sealed class TableAnalyticsStore(TableServiceClient tables) : IAnalyticsStore
{
    public const string TableName = "analytics";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task ReplaceAsync(HostSlug host, LocalDate from, LocalDate to, IReadOnlyList<DailyRollup> rollups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(rollups);
        var fresh = rollups.Select(r => ToEntity(host, r)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        var actions = fresh.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        await foreach (var stored in Query(host, from, to, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            if (!fresh.ContainsKey(stored.RowKey))
            {
                // The projection returns RowKey only: a delete needs both keys.
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(host.Value, stored.RowKey), ETag.All));
            }
        }

        foreach (var chunk in actions.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<DailyRollup>> ReadAsync(HostSlug host, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var rollups = new List<DailyRollup>();
        await foreach (var entity in Query(host, from, to, null, cancellationToken).ConfigureAwait(false))
        {
            rollups.Add(ToRollup(entity));
        }

        return rollups;
    }

    private IAsyncEnumerable<TableEntity> Query(HostSlug host, LocalDate from, LocalDate to, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {host.Value} and RowKey ge {Date(from)} and RowKey lt {Date(to.PlusDays(1))}");
        return _table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken);
    }

    private static TableEntity ToEntity(HostSlug host, DailyRollup r) => new(host.Value, $"{Date(r.Date)}|{r.EventType}")
    {
        ["Booked"] = r.Booked,
        ["Cancelled"] = r.Cancelled,
        ["Rescheduled"] = r.Rescheduled,
        ["NoShows"] = r.NoShows,
        ["Completed"] = r.Completed,
        ["RevenueJson"] = JsonSerializer.Serialize(r.Revenue.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture))),
        ["LeadTimesJson"] = JsonSerializer.Serialize(r.LeadTimesMinutes),
    };

    private static DailyRollup ToRollup(TableEntity e)
    {
        var separator = e.RowKey.IndexOf('|', StringComparison.Ordinal);
        var revenue = JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("RevenueJson") ?? "{}") ?? [];
        return new DailyRollup(
            LocalDatePattern.Iso.Parse(e.RowKey[..separator]).Value,
            e.RowKey[(separator + 1)..],
            e.GetInt32("Booked") ?? 0,
            e.GetInt32("Cancelled") ?? 0,
            e.GetInt32("Rescheduled") ?? 0,
            e.GetInt32("NoShows") ?? 0,
            e.GetInt32("Completed") ?? 0,
            revenue.ToDictionary(p => p.Key, p => decimal.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal),
            JsonSerializer.Deserialize<List<long>>(e.GetString("LeadTimesJson") ?? "[]") ?? []);
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
