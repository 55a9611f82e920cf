namespace Schedly.Core.Teams.Collective;

/// <summary>
/// Where a collective booking stands. Only two moves decide whether it is booked: Holding → Committed, or Holding →
/// RolledBack. A booked one is cancelled as a whole by one more decision: Completed → Cancelling.
/// </summary>
public enum CollectiveState
{
    /// <summary>Holds are being taken, member by member; nothing is promised yet.</summary>
    Holding,

    /// <summary>Every member holds the time: the booking exists; holds are being confirmed.</summary>
    Committed,

    /// <summary>Every hold is confirmed and announced.</summary>
    Completed,

    /// <summary>A member was not free, or the holds expired before the commit: every hold is (being) released.</summary>
    RolledBack,

    /// <summary>The booking is being cancelled as a whole (<see cref="CollectiveIntent.Cancellation"/>): every member's booking is (being) cancelled.</summary>
    Cancelling,

    /// <summary>Every member's booking is cancelled.</summary>
    Cancelled,
}
