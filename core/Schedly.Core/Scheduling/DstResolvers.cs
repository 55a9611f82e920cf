using NodaTime;
using NodaTime.TimeZones;

namespace Schedly.Core.Scheduling;

/// <summary>
/// How local times in the host's availability become instants across DST transitions (DESIGN.md, binding):
/// an interval covers every instant whose local time lies inside it.
/// <list type="bullet">
/// <item>A local time in a gap (spring forward) means the instant the gap ends, for starts and ends alike
/// (<see cref="Resolvers.ReturnStartOfIntervalAfter"/>). So 02:30 on a 02:00→03:00 night is 03:00 new offset,
/// not 03:30, and a range lying entirely in the gap becomes empty.</item>
/// <item>An ambiguous local time (fall back) means its EARLIER occurrence as an interval start
/// (<see cref="IntervalStart"/>) and its LATER occurrence as an interval end (<see cref="IntervalEnd"/>), so an
/// interval that spans the repeated hour covers both occurrences of it.</item>
/// </list>
/// Slot starts then step in elapsed time from the resolved start instant: a fall-back night offers the repeated
/// hour once per instant; a spring-forward night simply lacks the skipped hour.
/// </summary>
public static class DstResolvers
{
    /// <summary>Resolves the start of an availability interval: earlier occurrence; gap → the instant the gap ends.</summary>
    public static readonly ZoneLocalMappingResolver IntervalStart =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Resolves the end of an availability interval: later occurrence; gap → the instant the gap ends.</summary>
    public static readonly ZoneLocalMappingResolver IntervalEnd =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);
}
