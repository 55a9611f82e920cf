using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Teams;

/// <summary>
/// The slots of a team event type: each member's own slots by the single-host rules (their zone, hours, bookings,
/// feeds), then one pass over the members' sorted starts: the union for round-robin, the intersection for a
/// collective type. Cost is O(slots × log members) for the union and O(slots) for the intersection, after the
/// members' own computations.
/// </summary>
public static class TeamSlots
{
    /// <summary>The team's slots starting on the client-local dates <paramref name="clientDates"/> in <paramref name="clientZone"/>.</summary>
    /// <param name="members">One context per member, each with the team event type and that member's own data.</param>
    /// <param name="assignment">Round-robin (any member free) or collective (every member free).</param>
    /// <param name="clientDates">The client-local dates, both ends inclusive.</param>
    /// <param name="clientZone">The client's zone.</param>
    /// <param name="now">The clock's reading.</param>
    public static SlotDays Compute(IReadOnlyList<SlotContext> members, TeamAssignment assignment, DateInterval clientDates, DateTimeZone clientZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(clientDates);
        ArgumentNullException.ThrowIfNull(clientZone);
        if (members.Count == 0)
        {
            throw new ArgumentException("A team has at least one member.", nameof(members));
        }

        var duration = members[0].EventType.Duration;
        var starts = members.Select(m => SlotEngine.Compute(m, clientDates, clientZone, now).StartTicks.ToArray()).ToArray();
        var combined = assignment == TeamAssignment.Collective ? Intersect(starts) : Union(starts);
        return SlotEngine.Group(clientZone, duration, combined, combined.Length);
    }

    /// <summary>Sorted unique values present in every array (each sorted and unique); smallest array first.</summary>
    internal static long[] Intersect(long[][] sorted)
    {
        var result = sorted.MinBy(a => a.Length)!;
        foreach (var other in sorted)
        {
            if (!ReferenceEquals(other, result))
            {
                result = IntersectTwo(result, other);
            }
        }

        return result;
    }

    /// <summary>Sorted unique values present in any array (each sorted and unique), merged pairwise in rounds.</summary>
    internal static long[] Union(long[][] sorted)
    {
        var round = sorted;
        while (round.Length > 1)
        {
            var next = new long[(round.Length + 1) / 2][];
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = 2 * i + 1 < round.Length ? UnionTwo(round[2 * i], round[2 * i + 1]) : round[2 * i];
            }

            round = next;
        }

        return round[0];
    }

    private static long[] IntersectTwo(long[] a, long[] b)
    {
        var output = new List<long>(Math.Min(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                output.Add(a[i]);
                i++;
                j++;
            }
        }

        return [.. output];
    }

    private static long[] UnionTwo(long[] a, long[] b)
    {
        var output = new long[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length || j < b.Length)
        {
            long next;
            if (j >= b.Length || (i < a.Length && a[i] < b[j]))
            {
                next = a[i++];
            }
            else if (i >= a.Length || b[j] < a[i])
            {
                next = b[j++];
            }
            else
            {
                next = a[i++];
                j++;
            }

            output[n++] = next;
        }

        return output.AsSpan(0, n).ToArray();
    }
}
