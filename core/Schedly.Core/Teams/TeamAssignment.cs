namespace Schedly.Core.Teams;

/// <summary>How a team event type is staffed.</summary>
public enum TeamAssignment
{
    /// <summary>Any one free member: a time is offered when at least one member is free; round-robin picks who.</summary>
    RoundRobin,

    /// <summary>Every member together: a time is offered only when all of them are free, each in their own zone.</summary>
    Collective,
}
