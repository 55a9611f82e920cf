namespace Schedly.Core.Teams.Collective;

/// <summary>What taking a member's hold did.</summary>
public enum HoldOutcome
{
    /// <summary>The member's time is now held for this booking (or already was: taking a hold is idempotent).</summary>
    Held,

    /// <summary>The member is not free at that time; nothing was written.</summary>
    Unavailable,
}
