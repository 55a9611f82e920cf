using Schedly.Core.Teams;

namespace Schedly.Functions.Teams;

/// <summary>Why round-robin gave a booking to its host: the deciding rule and every free member as weighed.</summary>
/// <param name="Reason">onlyFreeMember | priority | mostCredit | leastRecentlyBooked | tieBreak.</param>
/// <param name="Candidates">The free members, highest priority first.</param>
public sealed record AssignmentResponse(string Reason, IReadOnlyList<CandidateResponse> Candidates)
{
    /// <summary>Null unless the booking was assigned by round-robin.</summary>
    public static AssignmentResponse? From(TeamBooking? team) =>
        team is { Reason: { } reason }
            ? new(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), [.. team.Candidates.Select(CandidateResponse.From)])
            : null;
}

/// <summary>One free member as round-robin weighed them; <see cref="Credit"/> in bookings owed (after this booking's earning, before the chosen one spent).</summary>
public sealed record CandidateResponse(string Host, int Priority, int Weight, double Credit, string? LastBookedAt, bool Competed)
{
    public static CandidateResponse From(RoundRobinCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new(candidate.Host.Value, candidate.Priority, candidate.Weight, (double)candidate.Credit / FairnessLedger.CreditPerBooking, candidate.LastBookedAt?.ToString(), candidate.Competed);
    }
}
