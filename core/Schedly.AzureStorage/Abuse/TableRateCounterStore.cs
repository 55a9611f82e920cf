using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Abuse;

/// <summary>
/// Request counters in daily tables <c>ratelimits{yyyyMMdd}</c> (the UTC day the window starts,
/// <see cref="DatedTableSet.RateCounters"/>): PartitionKey = the counter's key (<see cref="RateLimiter.KeyFor"/>),
/// RowKey = <c>window</c>, columns <c>WindowStart</c> and <c>Count</c>. One row per key and day, overwritten
/// (ETag-conditional) when a new window starts; a day's table is dropped whole two days later, so counters of
/// addresses never seen again do not pile up.
/// A read is one point read; a write is one insert or one conditional replace.
/// </summary>
public sealed class TableRateCounterStore(TableServiceClient tables) : IRateCounterStore
{
    public const string RowKey = "window";

    public async Task<Versioned<RateCounter>?> FindAsync(string key, Instant windowStart, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> found;
        try
        {
            found = await TableOf(windowStart).GetEntityIfExistsAsync<TableEntity>(key, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (DatedTable.IsMissingTable(e))
        {
            return null;
        }

        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        var counter = new RateCounter(
            Instant.FromUnixTimeSeconds(entity.GetInt64("WindowStart") ?? 0),
            entity.GetInt32("Count") ?? 0);
        return new Versioned<RateCounter>(counter, entity.ETag.ToString());
    }

    public async Task<bool> TrySaveAsync(string key, RateCounter counter, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var entity = new TableEntity(key, RowKey)
        {
            ["WindowStart"] = counter.WindowStart.ToUnixTimeSeconds(),
            ["Count"] = counter.Count,
        };
        try
        {
            var table = TableOf(counter.WindowStart);
            if (version is null)
            {
                await DatedTable.WriteCreatingAsync(table, () => table.AddEntityAsync(entity, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    private TableClient TableOf(Instant windowStart) => tables.GetTableClient(DatedTableSet.RateCounters.NameAt(windowStart));
}
