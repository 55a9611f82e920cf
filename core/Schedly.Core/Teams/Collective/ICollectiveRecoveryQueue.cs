using NodaTime;

namespace Schedly.Core.Teams.Collective;

/// <summary>Due work for <see cref="RecoverCollective"/>: one delayed message per collective booking, re-sent while recovery asks for another pass.</summary>
public interface ICollectiveRecoveryQueue
{
    /// <summary>Asks for a recovery pass of collective booking <paramref name="id"/> at <paramref name="at"/> (at once when already due).</summary>
    Task ScheduleAsync(string id, Instant at, CancellationToken cancellationToken);
}
