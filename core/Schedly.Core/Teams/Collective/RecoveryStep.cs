using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>What a recovery pass achieved: done for good, or run again at <see cref="RunAgainAt"/>.</summary>
public sealed record RecoveryStep(CollectiveState? State, Instant? RunAgainAt)
{
    public bool Finished => RunAgainAt is null;
}
