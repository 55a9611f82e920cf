using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Calendars;

/// <summary>
/// Calendar feeds in the host's partition of <c>hosts</c>, one contiguous key range per host:
/// <list type="bullet">
/// <item><c>calendar|{id}</c> (Kind <c>feed</c>): the subscription (Name, the encrypted Url, MaskedUrl, Generation) and its
/// refresh state (LastAttemptAt, LastSuccessAt, LastError, Warnings, Failures, BusyCount, BusyChunks, HttpETag,
/// HttpLastModified, ContentHash).</item>
/// <item><c>calendar|{id}|{nnn}</c> (Kind <c>busy</c>): up to <see cref="CalendarFeed.IntervalsPerChunk"/> busy intervals as
/// compact JSON <c>[[start,end],…]</c> in Unix seconds (start rounded down, end up), with the row's first Start and
/// last End as columns so a query can skip rows outside its window.</item>
/// </list>
/// The slot query reads the feed rows and the busy rows overlapping its window in ONE range query. A refresh writes
/// the feed row and its busy rows in one entity-group transaction, conditional on the feed's ETag.
/// </summary>
public sealed class TableCalendarFeedStore(TableServiceClient tables) : ICalendarFeedStore, IImportedBusyTime
{
    public const string Prefix = "calendar|";
    private const string End = "calendar}";
    private const string FeedKind = "feed";
    private const string BusyKind = "busy";

    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public static string FeedKey(string id) => Prefix + id;

    public static string BusyKey(string id, int chunk) => Prefix + id + "|" + chunk.ToString("D3", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Versioned<CalendarFeed>>> ListAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host.Value} and RowKey ge {Prefix} and RowKey lt {End} and Kind eq {FeedKind}");
        var list = new List<Versioned<CalendarFeed>>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Versioned<CalendarFeed>(ToFeed(row), row.ETag.ToString()));
        }

        return list;
    }

    public async Task<Versioned<CalendarFeed>?> FindAsync(HostSlug host, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(host.Value, FeedKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value!.GetString("Kind") == FeedKind ? new Versioned<CalendarFeed>(ToFeed(found.Value), found.Value.ETag.ToString()) : null;
    }

    public async Task<bool> TryAddAsync(CalendarFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(feed), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public Task<bool> TryCommitAsync(CalendarFeedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(change.Feed), new ETag(change.Version)),
        };
        if (change.Busy is { } busy)
        {
            for (var i = 0; i < busy.Count; i++)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, ToBusyEntity(change.Feed, i, busy[i])));
            }

            for (var i = busy.Count; i < change.Previous.BusyChunks; i++)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(change.Feed.Host, BusyKey(change.Feed.Id, i)), ETag.All));
            }
        }

        return SubmitAsync(actions, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(CalendarFeed feed, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, new TableEntity(feed.Host, FeedKey(feed.Id)), new ETag(version)) };
        for (var i = 0; i < feed.BusyChunks; i++)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(feed.Host, BusyKey(feed.Id, i)), ETag.All));
        }

        return SubmitAsync(actions, cancellationToken);
    }

    public async Task<IReadOnlyList<ImportedBusy>> LoadAsync(HostSlug host, Interval window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = window.Start.ToDateTimeOffset();
        var to = window.End.ToDateTimeOffset();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {host.Value} and RowKey ge {Prefix} and RowKey lt {End} and (Kind eq {FeedKind} or (Kind eq {BusyKind} and End gt {from} and Start lt {to}))");
        var lastSuccess = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        var busy = new Dictionary<string, List<Interval>>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") == FeedKind)
            {
                lastSuccess[row.RowKey[Prefix.Length..]] = Time(row, "LastSuccessAt");
            }
            else if (row.GetString("Feed") is { } feed)
            {
                var list = busy.TryGetValue(feed, out var existing) ? existing : busy[feed] = [];
                list.AddRange(ReadIntervals(row.GetString("Busy")).Where(i => i.Start < window.End && window.Start < i.End));
            }
        }

        return lastSuccess.Select(f => new ImportedBusy(f.Key, f.Value, busy.TryGetValue(f.Key, out var list) ? list : [])).ToList();
    }

    private async Task<bool> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(CalendarFeed feed)
    {
        var entity = new TableEntity(feed.Host, FeedKey(feed.Id))
        {
            ["Kind"] = FeedKind,
            ["Name"] = feed.Name,
            ["Url"] = feed.ProtectedUrl,
            ["MaskedUrl"] = feed.MaskedUrl,
            ["Generation"] = feed.Generation,
            ["CreatedAt"] = feed.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = feed.UpdatedAt.ToDateTimeOffset(),
            ["LastAttemptAt"] = feed.LastAttemptAt?.ToDateTimeOffset(),
            ["LastSuccessAt"] = feed.LastSuccessAt?.ToDateTimeOffset(),
            ["LastError"] = feed.LastError,
            ["Warnings"] = feed.Warnings.Count == 0 ? null : JsonSerializer.Serialize(feed.Warnings),
            ["Failures"] = feed.Failures,
            ["BusyCount"] = feed.BusyCount,
            ["BusyChunks"] = feed.BusyChunks,
            ["HttpETag"] = feed.HttpETag,
            ["HttpLastModified"] = feed.HttpLastModified,
            ["ContentHash"] = feed.ContentHash,
        };
        foreach (var empty in entity.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            entity.Remove(empty); // absent, not null: a replace drops the column
        }

        return entity;
    }

    private static CalendarFeed ToFeed(TableEntity row) => new()
    {
        Host = row.PartitionKey,
        Id = row.RowKey[Prefix.Length..],
        Name = row.GetString("Name") ?? "",
        ProtectedUrl = row.GetString("Url") ?? "",
        MaskedUrl = row.GetString("MaskedUrl") ?? "",
        Generation = row.GetInt64("Generation") ?? 1,
        CreatedAt = Time(row, "CreatedAt") ?? Instant.FromUnixTimeTicks(0),
        UpdatedAt = Time(row, "UpdatedAt") ?? Instant.FromUnixTimeTicks(0),
        LastAttemptAt = Time(row, "LastAttemptAt"),
        LastSuccessAt = Time(row, "LastSuccessAt"),
        LastError = row.GetString("LastError"),
        Warnings = row.GetString("Warnings") is { } warnings ? JsonSerializer.Deserialize<string[]>(warnings) ?? [] : [],
        Failures = row.GetInt32("Failures") ?? 0,
        BusyCount = row.GetInt32("BusyCount") ?? 0,
        BusyChunks = row.GetInt32("BusyChunks") ?? 0,
        HttpETag = row.GetString("HttpETag"),
        HttpLastModified = row.GetString("HttpLastModified"),
        ContentHash = row.GetString("ContentHash"),
    };

    private static TableEntity ToBusyEntity(CalendarFeed feed, int chunk, IReadOnlyList<Interval> intervals)
    {
        var text = new StringBuilder(intervals.Count * 24).Append('[');
        for (var i = 0; i < intervals.Count; i++)
        {
            var start = intervals[i].Start.ToUnixTimeSeconds();
            var end = intervals[i].End.ToUnixTimeSeconds() + (intervals[i].End.ToUnixTimeTicks() % NodaConstants.TicksPerSecond > 0 ? 1 : 0);
            text.Append(i == 0 ? "[" : ",[").Append(start.ToString(CultureInfo.InvariantCulture)).Append(',').Append(end.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return new TableEntity(feed.Host, BusyKey(feed.Id, chunk))
        {
            ["Kind"] = BusyKind,
            ["Feed"] = feed.Id,
            ["Start"] = intervals.Count == 0 ? DateTimeOffset.UnixEpoch : Instant.FromUnixTimeSeconds(intervals[0].Start.ToUnixTimeSeconds()).ToDateTimeOffset(),
            ["End"] = intervals.Count == 0 ? DateTimeOffset.UnixEpoch : intervals.Max(i => i.End).ToDateTimeOffset(),
            ["Busy"] = text.Append(']').ToString(),
        };
    }

    private static IEnumerable<Interval> ReadIntervals(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            yield break;
        }

        foreach (var pair in JsonSerializer.Deserialize<long[][]>(json) ?? [])
        {
            if (pair is [var start, var end] && end > start)
            {
                yield return new Interval(Instant.FromUnixTimeSeconds(start), Instant.FromUnixTimeSeconds(end));
            }
        }
    }

    private static Instant? Time(TableEntity row, string column) =>
        row.GetDateTimeOffset(column) is { } value ? Instant.FromDateTimeOffset(value) : null;
}
