using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.AzureStorage.Teams;

/// <summary>
/// Each team's fairness ledger in the <c>teams</c> table: one row in the team's partition (row key <c>ledger</c>), the
/// standings as JSON (credit and last booking per member; 50 members ≈ 4 KB) and the ids of the bookings it holds (the
/// last 500, ≈ 14 KB). Written only conditionally: on its ETag, or as a new row that must not exist.
/// </summary>
public sealed class TableTeamLedgerStore(TableServiceClient tables) : ITeamLedgerStore
{
    private const string RowKey = "ledger";
    private const string Standings = "Standings";
    private const string Applied = "AppliedBookings";

    private readonly TableClient _table = tables.GetTableClient(TableTeamRepository.TableName);

    public async Task<Versioned<FairnessLedger>?> FindAsync(TeamSlug team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(team.Value, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var rows = JsonSerializer.Deserialize<StandingColumn[]>(entity.GetString(Standings) ?? "[]") ?? [];
        var ledger = FairnessLedger.From(rows.Select(r => new KeyValuePair<HostSlug, MemberStanding>(
            HostSlug.Parse(r.Host),
            new MemberStanding(r.Credit, r.LastBookedAtMs is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null))),
            JsonSerializer.Deserialize<string[]>(entity.GetString(Applied) ?? "[]"));
        return new Versioned<FairnessLedger>(ledger, entity.ETag.ToString());
    }

    public async Task<bool> TryWriteAsync(TeamSlug team, FairnessLedger ledger, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(ledger);
        var entity = new TableEntity(team.Value, RowKey)
        {
            [Standings] = JsonSerializer.Serialize(ledger.Standings.Select(p => new StandingColumn(p.Key, p.Value.Credit, p.Value.LastBookedAt?.ToUnixTimeMilliseconds()))),
            [Applied] = JsonSerializer.Serialize(ledger.AppliedBookings),
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
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private sealed record StandingColumn(string Host, long Credit, long? LastBookedAtMs);
}
