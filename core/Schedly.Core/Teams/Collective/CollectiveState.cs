namespace Schedly.Core.Teams.Collective;

/// <summary>Where a collective booking stands. Only two moves decide: Holding → Committed, or Holding → RolledBack.</summary>
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
}
