using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>One free member as round-robin weighed them, stored with the booking to show the host why.</summary>
/// <param name="Host">The member.</param>
/// <param name="Priority">Their priority at the time.</param>
/// <param name="Weight">Their weight at the time.</param>
/// <param name="Credit">Their credit after this booking's earning and before the chosen member spent one booking.</param>
/// <param name="LastBookedAt">When they were last assigned a booking, or null.</param>
/// <param name="Competed">False for a free member below the highest free priority tier (not considered, earns nothing).</param>
public sealed record RoundRobinCandidate(HostSlug Host, int Priority, int Weight, long Credit, Instant? LastBookedAt, bool Competed);
