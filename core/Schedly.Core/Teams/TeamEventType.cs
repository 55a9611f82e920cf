using Schedly.Core.Scheduling;

namespace Schedly.Core.Teams;

/// <summary>An event type of a team: the single-host rules (<see cref="EventType"/>) applied to every member, and how it is staffed.</summary>
public sealed record TeamEventType(EventType EventType, TeamAssignment Assignment);
