namespace Schedly.Core.Teams;

/// <summary>A team: its members (hosts) and its event types, stored as one row in the team's partition.</summary>
public sealed record Team(TeamSlug Slug, string Name, IReadOnlyList<TeamMember> Members, IReadOnlyDictionary<string, TeamEventType> EventTypes)
{
    public const int MaxMembers = 50;

    public TeamEventType? FindEventType(string slug) => EventTypes.GetValueOrDefault(slug);

    public Team WithEventType(string slug, TeamEventType type) =>
        this with { EventTypes = new Dictionary<string, TeamEventType>(EventTypes, StringComparer.Ordinal) { [slug] = type } };
}
