using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;

namespace Schedly.AzureStorage.Teams;

/// <summary>
/// Collective intents in the <c>teams</c> table, in the team's partition (row key <c>collective|{random}</c>): the time,
/// the members in hold order, the holds' expiry and the state. One point read or one conditional write per call;
/// <see cref="TryReplaceAsync"/> is conditional on the ETag, which makes Holding → Committed and Holding → RolledBack
/// exclude each other. A cancellation as a whole adds who cancelled, when and why.
/// </summary>
public sealed class TableCollectiveIntents(TableServiceClient tables) : ICollectiveIntents
{
    private const string RowPrefix = "collective|";
    private const string Start = "Start";
    private const string End = "End";
    private const string Members = "Members";
    private const string HoldsExpireAt = "HoldsExpireAt";
    private const string State = "State";
    private const string CancelReason = "CancelReason";
    private const string CancelledBy = "CancelledBy";
    private const string CancelledAt = "CancelledAt";

    private readonly TableClient _table = tables.GetTableClient(TableTeamRepository.TableName);

    public async Task CreateAsync(CollectiveIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        try
        {
            await _table.AddEntityAsync(ToEntity(intent), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Written by an earlier attempt with the same id: creating is idempotent.
        }
    }

    public async Task<Versioned<CollectiveIntent>?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!CollectiveIds.TryParse(id, out var team, out var random))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(team.Value, RowPrefix + random, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? new Versioned<CollectiveIntent>(ToIntent(id, entity), entity.ETag.ToString()) : null;
    }

    public async Task<bool> TryReplaceAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(next), new ETag(current.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListEndedBeforeAsync(Instant endedBefore, int max, CancellationToken cancellationToken)
    {
        // One filtered scan of the intents' rows (the teams' own rows have no End), reading only their keys.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {RowPrefix} and RowKey lt {"collective}"} and End lt {endedBefore.ToDateTimeOffset()}");
        var ids = new List<string>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                if (TeamSlug.TryParse(row.PartitionKey, out var team))
                {
                    ids.Add(CollectiveIds.Of(team, row.RowKey[RowPrefix.Length..]));
                }

                if (ids.Count >= max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No team was ever saved: the table does not exist yet.
        }

        return ids;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!CollectiveIds.TryParse(id, out var team, out var random))
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(team.Value, RowPrefix + random, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    private static TableEntity ToEntity(CollectiveIntent intent)
    {
        CollectiveIds.TryParse(intent.Id, out var team, out var random);
        var entity = new TableEntity(team?.Value ?? throw new ArgumentException("Not a collective booking id.", nameof(intent)), RowPrefix + random)
        {
            [Start] = intent.Start.ToDateTimeOffset(),
            [End] = intent.End.ToDateTimeOffset(),
            [Members] = JsonSerializer.Serialize(intent.Members.Select(m => m.Value)),
            [HoldsExpireAt] = intent.HoldsExpireAt.ToDateTimeOffset(),
            [State] = intent.State.ToString(),
        };
        if (intent.Cancellation is { } cancellation)
        {
            entity[CancelReason] = cancellation.Reason;
            entity[CancelledBy] = cancellation.CancelledBy;
            entity[CancelledAt] = cancellation.At.ToDateTimeOffset();
        }

        return entity;
    }

    private static CollectiveIntent ToIntent(string id, TableEntity entity) => new(
        id,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset(Start)!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset(End)!.Value),
        (JsonSerializer.Deserialize<string[]>(entity.GetString(Members) ?? "[]") ?? []).Select(HostSlug.Parse),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset(HoldsExpireAt)!.Value),
        Enum.Parse<CollectiveState>(entity.GetString(State)!))
    {
        Cancellation = entity.GetString(CancelledBy) is { } by
            ? new CollectiveCancellation(entity.GetString(CancelReason), by, Instant.FromDateTimeOffset(entity.GetDateTimeOffset(CancelledAt)!.Value))
            : null,
    };
}
