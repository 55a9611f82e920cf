using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// A host's membership of a team. Round-robin offers a booking to the members of the highest
/// <see cref="Priority"/> that are free, and among them shares bookings in proportion to <see cref="Weight"/>.
/// </summary>
public sealed record TeamMember
{
    public const int MinPriority = 0;
    public const int MaxPriority = 4;
    public const int MinWeight = 1;
    public const int MaxWeight = 1000;

    public TeamMember(HostSlug host, int priority, int weight)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(priority, MinPriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, MaxPriority);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, MinWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, MaxWeight);
        Host = host;
        Priority = priority;
        Weight = weight;
    }

    public HostSlug Host { get; }

    /// <summary><see cref="MinPriority"/>..<see cref="MaxPriority"/>; higher is asked first.</summary>
    public int Priority { get; }

    /// <summary><see cref="MinWeight"/>..<see cref="MaxWeight"/>; the relative share of bookings among equals.</summary>
    public int Weight { get; }
}
