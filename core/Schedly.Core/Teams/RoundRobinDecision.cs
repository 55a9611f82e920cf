using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// The outcome of round-robin for one booking: who, why, and every free member as weighed, plus the ledger as it
/// stands after the booking (to store in the same transaction as the booking).
/// </summary>
public sealed record RoundRobinDecision(
    HostSlug Chosen,
    AssignmentReason Reason,
    IReadOnlyList<RoundRobinCandidate> Candidates,
    FairnessLedger LedgerAfter);
