using System.Text.Json.Nodes;
using Schedly.Core.Teams;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Teams;

/// <summary>A team as the operator sees it: members with priority and weight, event types in full with their assignment.</summary>
public sealed record TeamResponse(string Team, string Name, IReadOnlyList<TeamMemberResponse> Members, IReadOnlyDictionary<string, JsonObject> EventTypes)
{
    public static TeamResponse From(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new(
            team.Slug.Value,
            team.Name,
            [.. team.Members.Select(m => new TeamMemberResponse(m.Host.Value, m.Priority, m.Weight))],
            team.EventTypes.ToDictionary(p => p.Key, p => TeamEventTypeJson.From(p.Value), StringComparer.Ordinal));
    }
}

public sealed record TeamMemberResponse(string Host, int Priority, int Weight);

/// <summary>A team event type on the wire: the single-host event type's fields plus <c>assignment</c>.</summary>
public static class TeamEventTypeJson
{
    public static JsonObject From(TeamEventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var json = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(EventTypeResponse.From(type.EventType), ApiJson.Options)!;
        json["assignment"] = AssignmentName(type.Assignment);
        return json;
    }

    public static string AssignmentName(TeamAssignment assignment) => assignment == TeamAssignment.Collective ? "collective" : "roundRobin";
}

/// <summary>
/// A team as its public booking page sees it: names only (no weights, priorities or emails), each active event type as
/// a host's public event type plus its <c>assignment</c>, and whether bookings need the proof of work.
/// </summary>
public sealed record PublicTeamResponse(string Team, string Name, IReadOnlyList<PublicTeamMemberResponse> Members, IReadOnlyList<JsonObject> EventTypes, bool ProofOfWork)
{
    public static PublicTeamResponse From(PublicTeamProfile profile, bool proofOfWork)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var team = profile.Team;
        return new(
            team.Slug.Value,
            team.Name,
            [.. profile.Members.Select(m => new PublicTeamMemberResponse(m.Host.Value, m.Name))],
            [.. team.EventTypes.Where(p => p.Value.EventType.Active).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => PublicEventType(p.Key, p.Value))],
            proofOfWork);
    }

    private static JsonObject PublicEventType(string slug, TeamEventType type)
    {
        var json = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(PublicEventTypeResponse.From(slug, type.EventType), ApiJson.Options)!;
        json["assignment"] = TeamEventTypeJson.AssignmentName(type.Assignment);
        return json;
    }
}

/// <summary>A member on the team's public page: the host's slug and display name.</summary>
public sealed record PublicTeamMemberResponse(string Host, string Name);
