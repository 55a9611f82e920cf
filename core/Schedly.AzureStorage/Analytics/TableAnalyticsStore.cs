using System.Globalization;
using System.Net;
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
/// date range is one range query, plus a marker row <c>{yyyy-MM-dd}|~</c> per day. Replacing a day writes its rows,
/// deletes the ones that no longer exist and rewrites the marker in one entity-group transaction conditional on the
/// versions read, so concurrent recomputes of a day serialise.
/// </summary>
public sealed class TableAnalyticsStore(TableServiceClient tables) : IAnalyticsStore
{
    public const string TableName = "analytics";

    /// <summary>The event-type part of a day's marker row: sorts after every event-type slug, rewritten by every replace of the day.</summary>
    private const string DayMarker = "~";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<AnalyticsDayVersion> ReadDayVersionAsync(HostSlug host, LocalDate date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        string? marker = null;
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in Query(host, date, date, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            var eventType = row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
            if (eventType == DayMarker)
            {
                marker = row.ETag.ToString();
            }
            else
            {
                rows[eventType] = row.ETag.ToString();
            }
        }

        return new AnalyticsDayVersion(marker, rows);
    }

    public async Task<bool> TryReplaceDayAsync(HostSlug host, LocalDate date, IReadOnlyList<DailyRollup> rollups, AnalyticsDayVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(rollups);
        ArgumentNullException.ThrowIfNull(version);
        var markerRow = new TableEntity(host.Value, $"{Date(date)}|{DayMarker}") { ["Stamp"] = Guid.NewGuid().ToString("N") };
        var actions = new List<TableTransactionAction>
        {
            version.Marker is { } marker
                ? new(TableTransactionActionType.UpdateReplace, markerRow, new ETag(marker))
                : new(TableTransactionActionType.Add, markerRow),
        };
        foreach (var rollup in rollups)
        {
            actions.Add(version.Rows.TryGetValue(rollup.EventType, out var etag)
                ? new(TableTransactionActionType.UpdateReplace, ToEntity(host, rollup), new ETag(etag))
                : new(TableTransactionActionType.Add, ToEntity(host, rollup)));
        }

        var kept = rollups.Select(r => r.EventType).ToHashSet(StringComparer.Ordinal);
        foreach (var (eventType, etag) in version.Rows.Where(r => !kept.Contains(r.Key)))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(host.Value, $"{Date(date)}|{eventType}"), new ETag(etag)));
        }

        try
        {
            // One day has one row per event type (at most a few dozen), far below the 100 a transaction allows.
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<StoredRollups> ReadAsync(HostSlug host, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var rollups = new List<DailyRollup>();
        Instant? lastUpdated = null;
        await foreach (var entity in Query(host, from, to, null, cancellationToken).ConfigureAwait(false))
        {
            // Every write of a day rewrites its marker, so the rows' own timestamps say when the roll-up last ran on them.
            if (entity.Timestamp is { } written && (lastUpdated is null || Instant.FromDateTimeOffset(written) > lastUpdated))
            {
                lastUpdated = Instant.FromDateTimeOffset(written);
            }

            if (!entity.RowKey.EndsWith("|" + DayMarker, StringComparison.Ordinal))
            {
                rollups.Add(ToRollup(entity));
            }
        }

        return new StoredRollups(rollups, lastUpdated);
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
        ["RevenueJson"] = WriteMoney(r.Revenue),
        ["CollectedJson"] = WriteMoney(r.Collected),
        ["RefundedJson"] = WriteMoney(r.Refunded),
        ["ExpectedJson"] = WriteMoney(r.Expected),
        ["LeadTimesJson"] = JsonSerializer.Serialize(r.LeadTimesMinutes),
        ["AttendedEndsJson"] = JsonSerializer.Serialize(r.AttendedEnds.Select(e => e.ToUnixTimeSeconds())),
    };

    private static DailyRollup ToRollup(TableEntity e)
    {
        var separator = e.RowKey.IndexOf('|', StringComparison.Ordinal);
        return new DailyRollup(
            LocalDatePattern.Iso.Parse(e.RowKey[..separator]).Value,
            e.RowKey[(separator + 1)..],
            e.GetInt32("Booked") ?? 0,
            e.GetInt32("Cancelled") ?? 0,
            e.GetInt32("Rescheduled") ?? 0,
            e.GetInt32("NoShows") ?? 0,
            e.GetInt32("Completed") ?? 0,
            ReadMoney(e.GetString("RevenueJson")),
            JsonSerializer.Deserialize<List<long>>(e.GetString("LeadTimesJson") ?? "[]") ?? [])
        {
            AttendedEnds = [.. (JsonSerializer.Deserialize<List<long>>(e.GetString("AttendedEndsJson") ?? "[]") ?? []).Select(Instant.FromUnixTimeSeconds)],
            Collected = ReadMoney(e.GetString("CollectedJson")),
            Refunded = ReadMoney(e.GetString("RefundedJson")),
            Expected = ReadMoney(e.GetString("ExpectedJson")),
        };
    }

    private static string WriteMoney(IReadOnlyDictionary<string, decimal> amounts) =>
        JsonSerializer.Serialize(amounts.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Amounts per currency; a column absent (rows stored before it existed) reads as none.</summary>
    private static Dictionary<string, decimal> ReadMoney(string? json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json ?? "{}") ?? [])
            .ToDictionary(p => p.Key, p => decimal.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

/// <summary>Sends <see cref="AnalyticsWork"/> to the <c>analytics</c> queue.</summary>
public sealed class QueueAnalyticsQueue(Azure.Storage.Queues.QueueServiceClient queues) : IAnalyticsQueue
{
    private readonly Azure.Storage.Queues.QueueClient _queue = queues.GetQueueClient(Queues.SchedlyQueues.Analytics);

    public async Task EnqueueAsync(AnalyticsWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _queue.SendMessageAsync(work.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}
