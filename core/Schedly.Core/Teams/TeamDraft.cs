using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Teams;

/// <summary>
/// A team as the operator sent it (<c>PUT /api/admin/teams/{team}</c>): <c>name</c> (1..100 characters, one line) and
/// 1..<see cref="Team.MaxMembers"/> distinct <c>members</c>, each <c>{ host, priority?, weight? }</c> with priority
/// 0..4 (default 2) and weight 1..1000 (default 100). Whether each host exists is checked by the use case.
/// </summary>
public sealed record TeamDraft(string? Name, IReadOnlyList<TeamMemberDraft?>? Members)
{
    public const int MaxNameLength = 100;
    public const int DefaultPriority = 2;
    public const int DefaultWeight = 100;

    public (string Name, IReadOnlyList<TeamMember> Members)? Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add("name", $"Required: 1 to {MaxNameLength} characters on one line.");
        }

        var members = new List<TeamMember>();
        if (Members is null || Members.Count == 0 || Members.Count > Team.MaxMembers)
        {
            errors.Add("members", $"Give 1 to {Team.MaxMembers} members.");
        }
        else
        {
            for (var i = 0; i < Members.Count; i++)
            {
                if (Members[i]?.Validate($"members[{i}]", errors) is { } member)
                {
                    if (members.Any(m => m.Host == member.Host))
                    {
                        errors.Add($"members[{i}].host", "This host is already a member.");
                    }
                    else
                    {
                        members.Add(member);
                    }
                }
                else if (Members[i] is null)
                {
                    errors.Add($"members[{i}]", "Give { host, priority?, weight? }.");
                }
            }
        }

        return errors.IsEmpty ? (name!, members) : null;
    }
}

/// <summary>One member as sent: <c>{ host, priority?, weight? }</c>.</summary>
public sealed record TeamMemberDraft(string? Host, int? Priority, int? Weight)
{
    public TeamMember? Validate(string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var valid = true;
        if (!HostSlug.TryParse(Host, out var host))
        {
            errors.Add(field + ".host", HostSlug.Rule);
            valid = false;
        }

        var priority = Priority ?? TeamDraft.DefaultPriority;
        if (priority is < TeamMember.MinPriority or > TeamMember.MaxPriority)
        {
            errors.Add(field + ".priority", $"A whole number from {TeamMember.MinPriority} to {TeamMember.MaxPriority} (higher is asked first).");
            valid = false;
        }

        var weight = Weight ?? TeamDraft.DefaultWeight;
        if (weight is < TeamMember.MinWeight or > TeamMember.MaxWeight)
        {
            errors.Add(field + ".weight", $"A whole number from {TeamMember.MinWeight} to {TeamMember.MaxWeight}.");
            valid = false;
        }

        return valid ? new TeamMember(host!, priority, weight) : null;
    }
}
