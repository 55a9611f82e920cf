using NodaTime;

namespace Schedly.Core.Abuse;

/// <summary>
/// Remembers which proof-of-work challenges were used, until they expire, so each solution is used once. Shared by
/// every instance. The adapter translates; it decides nothing.
/// </summary>
public interface IProofOfWorkReplayStore
{
    /// <summary>
    /// Records <paramref name="challenge"/> (expiring at <paramref name="expires"/>) as used by
    /// <paramref name="claimant"/> if nobody used it before: true then. When it was used before, true only if the
    /// earlier use named the same non-null claimant (a retry of one idempotent request), else false.
    /// </summary>
    Task<bool> TryClaimAsync(string challenge, Instant expires, string? claimant, CancellationToken cancellationToken);
}
