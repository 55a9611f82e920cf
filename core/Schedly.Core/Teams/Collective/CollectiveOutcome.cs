namespace Schedly.Core.Teams.Collective;

/// <summary>How a collective booking attempt ended for the client.</summary>
public enum CollectiveOutcome
{
    /// <summary>Committed: every member has the booking (confirmation of the holds may finish in recovery).</summary>
    Booked,

    /// <summary>Some member was not free (or the holds ran out of time): nothing is kept.</summary>
    Unavailable,
}
