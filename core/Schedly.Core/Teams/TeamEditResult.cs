using Schedly.Core.Validation;

namespace Schedly.Core.Teams;

/// <summary>The outcome of changing a team: saved (created or replaced), invalid, or no such team.</summary>
public abstract record TeamEditResult<T>
    where T : class
{
    private TeamEditResult()
    {
    }

    public sealed record Saved(T Value, bool Created, Team Team) : TeamEditResult<T>;

    public sealed record Invalid(ValidationErrors Errors) : TeamEditResult<T>;

    public sealed record NotFound : TeamEditResult<T>;
}
