using System.Buffers;
using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The host's availability on a run of host-local dates, resolved to instants (Unix ticks) on pooled arrays: each
/// non-empty interval in date order, with the bounds of its BLOCK, the union of the intervals that overlap or touch
/// it (09:00–12:00 and 12:00–17:00, or 22:00–24:00 and the next day's 00:00–02:00, form one block). Interval starts
/// never decrease (local times are sorted and both DST resolvers map later local times to later or equal instants),
/// so one pass with a running end merges them. Dispose returns the arrays to the pool.
/// </summary>
internal struct AvailabilityBlocks : IDisposable
{
    public long[] Starts;
    public long[] Ends;
    public long[] BlockStarts;
    public long[] BlockEnds;
    public int Count;

    /// <summary>Resolves the intervals of the host-local dates <paramref name="first"/>…<paramref name="last"/> (inclusive).</summary>
    public static AvailabilityBlocks Collect(Availability availability, DateTimeZone zone, LocalDate first, LocalDate last)
    {
        var capacity = 16;
        var blocks = new AvailabilityBlocks
        {
            Starts = ArrayPool<long>.Shared.Rent(capacity),
            Ends = ArrayPool<long>.Shared.Rent(capacity),
        };
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var ranges = availability.IntervalsOn(date);
            for (var r = 0; r < ranges.Count; r++)
            {
                var (startInstant, endInstant) = ranges[r].ToInstants(date, zone);
                var start = Ticks.Ceiling(startInstant);
                var end = Ticks.Floor(endInstant);
                if (end > start)
                {
                    blocks.Add(start, end);
                }
            }
        }

        blocks.BlockStarts = ArrayPool<long>.Shared.Rent(Math.Max(1, blocks.Count));
        blocks.BlockEnds = ArrayPool<long>.Shared.Rent(Math.Max(1, blocks.Count));
        blocks.Merge();
        return blocks;
    }

    public readonly void Dispose()
    {
        ArrayPool<long>.Shared.Return(Starts);
        ArrayPool<long>.Shared.Return(Ends);
        ArrayPool<long>.Shared.Return(BlockStarts);
        ArrayPool<long>.Shared.Return(BlockEnds);
    }

    private void Add(long start, long end)
    {
        if (Count == Starts.Length)
        {
            Grow(ref Starts, Count);
            Grow(ref Ends, Count);
        }

        Starts[Count] = start;
        Ends[Count] = end;
        Count++;
    }

    private readonly void Merge()
    {
        var first = 0;
        while (first < Count)
        {
            var blockEnd = Ends[first];
            var next = first + 1;
            while (next < Count && Starts[next] <= blockEnd)
            {
                blockEnd = Math.Max(blockEnd, Ends[next]);
                next++;
            }

            for (var i = first; i < next; i++)
            {
                BlockStarts[i] = Starts[first];
                BlockEnds[i] = blockEnd;
            }

            first = next;
        }
    }

    private static void Grow(ref long[] array, int count)
    {
        var larger = ArrayPool<long>.Shared.Rent(array.Length * 2);
        Array.Copy(array, larger, count);
        ArrayPool<long>.Shared.Return(array);
        array = larger;
    }
}
