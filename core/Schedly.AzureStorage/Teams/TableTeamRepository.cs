using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;

namespace Schedly.AzureStorage.Teams;

/// <summary>
/// Teams in the <c>teams</c> table: one row per team (partition = team slug, row key <c>team</c>) with its name, its
/// members as JSON and its event types in the same versioned document as a host's (plus each one's assignment).
/// One point read or one conditional write per call.
/// </summary>
public sealed class TableTeamRepository(TableServiceClient tables) : ITeamRepository
{
    public const string TableName = "teams";
    private const string RowKey = "team";
    private const string Name = "Name";
    private const string Members = "Members";
    private const string EventTypes = "EventTypes";
    private const string Assignments = "Assignments";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<Versioned<Team>?> FindAsync(TeamSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(slug.Value, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? new Versioned<Team>(ToTeam(slug, entity), entity.ETag.ToString()) : null;
    }

    public async Task<bool> TryCreateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        try
        {
            await _table.AddEntityAsync(ToEntity(team), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateAsync(Team team, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentException.ThrowIfNullOrEmpty(version);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(team), new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Team team)
    {
        var entity = new TableEntity(team.Slug.Value, RowKey)
        {
            [Name] = team.Name,
            [Members] = JsonSerializer.Serialize(team.Members.Select(m => new MemberColumn(m.Host.Value, m.Priority, m.Weight)), _json),
            [Assignments] = JsonSerializer.Serialize(team.EventTypes.ToDictionary(p => p.Key, p => p.Value.Assignment.ToString()), _json),
        };
        JsonColumns.Write(entity, EventTypes, ScheduleDocument.WriteEventTypes(team.EventTypes.ToDictionary(p => p.Key, p => p.Value.EventType, StringComparer.Ordinal)));
        return entity;
    }

    private static Team ToTeam(TeamSlug slug, TableEntity entity)
    {
        var members = JsonSerializer.Deserialize<MemberColumn[]>(entity.GetString(Members) ?? "[]", _json) ?? [];
        var assignments = JsonSerializer.Deserialize<Dictionary<string, string>>(entity.GetString(Assignments) ?? "{}", _json) ?? [];
        var types = ScheduleDocument.Read(null, JsonColumns.Read(entity, EventTypes)).EventTypes;
        return new Team(
            slug,
            entity.GetString(Name) ?? slug.Value,
            [.. members.Select(m => new TeamMember(HostSlug.Parse(m.Host), m.Priority, m.Weight))],
            types.ToDictionary(
                p => p.Key,
                p => new TeamEventType(p.Value, Enum.TryParse<TeamAssignment>(assignments.GetValueOrDefault(p.Key), out var kind) ? kind : TeamAssignment.RoundRobin),
                StringComparer.Ordinal));
    }

    private sealed record MemberColumn(string Host, int Priority, int Weight);
}
