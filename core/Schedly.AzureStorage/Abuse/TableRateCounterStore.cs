using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Abuse;

/// <summary>
/// Request counters in table <c>ratelimits</c>: PartitionKey = the counter's key (<see cref="RateLimiter.KeyFor"/>),
/// RowKey = <c>window</c>, columns <c>WindowStart</c> and <c>Count</c>. One row per key, overwritten (ETag-conditional)
/// when a new window starts, so a key never has more than one row; see docs/SECURITY.md for the rows' lifetime.
/// A read is one point read; a write is one insert or one conditional replace.
/// </summary>
public sealed class TableRateCounterStore(TableServiceClient tables) : IRateCounterStore
{
    public const string TableName = "ratelimits";

    public const string RowKey = "window";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<Versioned<RateCounter>?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(key, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
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
            if (version is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
