namespace Schedly.Core.Teams;

/// <summary>Why round-robin chose the member it chose: the first rule that told the candidates apart.</summary>
public enum AssignmentReason
{
    /// <summary>Only one member was free.</summary>
    OnlyFreeMember,

    /// <summary>The chosen member was the only free one in the highest priority tier.</summary>
    Priority,

    /// <summary>The chosen member had the most fairness credit in that tier.</summary>
    MostCredit,

    /// <summary>Credit tied; the chosen member was booked least recently (or never).</summary>
    LeastRecentlyBooked,

    /// <summary>Everything tied; the deterministic tie-break from the idempotency key chose.</summary>
    TieBreak,
}
