using System.Diagnostics.CodeAnalysis;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>The URL name of a team, by the same rules as a host's (<see cref="Slugs"/>): it is the team's partition key.</summary>
public sealed record TeamSlug
{
    private TeamSlug(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, [NotNullWhen(true)] out TeamSlug? slug)
    {
        slug = Slugs.IsValid(value) ? new TeamSlug(value!) : null;
        return slug is not null;
    }

    public override string ToString() => Value;
}
