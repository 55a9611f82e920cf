using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// What a booking made through a team remembers of it: the team, every host the booking is with (one for round-robin,
/// every member for collective), and for round-robin why this host got it (the rule and the free members as weighed),
/// shown to the host with the booking.
/// </summary>
public sealed record TeamBooking(TeamSlug Team, TeamAssignment Assignment, IReadOnlyList<HostSlug> Hosts)
{
    /// <summary>The rule that chose the host (round-robin only).</summary>
    public AssignmentReason? Reason { get; init; }

    /// <summary>The free members as round-robin weighed them (round-robin only; empty otherwise).</summary>
    public IReadOnlyList<RoundRobinCandidate> Candidates { get; init; } = [];

    /// <summary>The collective booking's id (its intent in the team's partition); null for round-robin.</summary>
    public string? CollectiveId { get; init; }

    /// <summary>
    /// The member whose booking speaks to the client, for a collective booking: <see cref="CollectiveLead"/> of
    /// <see cref="Hosts"/>, the booking the 201 answered with and whose manage token the client holds. Null for round-robin.
    /// </summary>
    public HostSlug? Lead => Assignment == TeamAssignment.Collective ? CollectiveLead(Hosts) : null;

    /// <summary>
    /// The lead of a collective booking of <paramref name="members"/>: the first by ordinal slug (the order holds are
    /// taken in, <see cref="Collective.CollectiveIntent.Members"/>). Its booking is the one returned to the client.
    /// </summary>
    public static HostSlug CollectiveLead(IEnumerable<HostSlug> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.MinBy(m => m.Value, StringComparer.Ordinal)
            ?? throw new ArgumentException("A collective booking has at least one member.", nameof(members));
    }

    /// <summary>What the booking changes in the team's fairness ledger (round-robin only): applied once, from here if need be.</summary>
    public LedgerChange? LedgerChange { get; init; }

    /// <summary>A round-robin booking given to <see cref="RoundRobinDecision.Chosen"/>, decided on the ledger <paramref name="before"/>.</summary>
    public static TeamBooking RoundRobin(TeamSlug team, RoundRobinDecision decision, FairnessLedger before)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(team, TeamAssignment.RoundRobin, [decision.Chosen])
        {
            Reason = decision.Reason,
            Candidates = decision.Candidates,
            LedgerChange = Teams.LedgerChange.Between(before, decision.LedgerAfter),
        };
    }
}
