using System.Buffers;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The busy time relevant to one computation, in Unix ticks, on pooled arrays: buffered booking spans and blocked
/// periods, sorted and merged into disjoint spans; plus the sorted host-local day numbers of bookings that count
/// toward the daily limit. Dispose returns the arrays to the pool.
/// </summary>
internal struct BusySpans : IDisposable
{
    private const long DayTicks = NodaTime.NodaConstants.TicksPerDay;

    public long[] Starts;
    public long[] Ends;
    public int Count;
    private long[] _countedDays;
    private int _countedCount;

    /// <summary>Collects busy spans overlapping <c>[from, to)</c> and counted bookings starting near it.</summary>
    public static BusySpans Collect(SlotContext context, long from, long to)
    {
        var bookings = context.Bookings;
        var blocked = context.Availability.Blocked;
        var capacity = Math.Max(1, bookings.Count + blocked.Count);
        var spans = new BusySpans
        {
            Starts = ArrayPool<long>.Shared.Rent(capacity),
            Ends = ArrayPool<long>.Shared.Rent(capacity),
            _countedDays = ArrayPool<long>.Shared.Rent(Math.Max(1, bookings.Count)),
        };

        var n = 0;
        var hostDays = new LocalDayTracker(context.HostZone);
        var countDays = context.EventType.MaxBookingsPerDay is not null;
        var countFrom = from - (3 * DayTicks);
        var countTo = to + (3 * DayTicks);
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            var start = Ticks.Floor(booking.Start);
            if (countDays && booking.CountsTowardDailyLimit && start >= countFrom && start < countTo)
            {
                spans._countedDays[spans._countedCount++] = hostDays.DayNumber(start);
            }

            var busyStart = Ticks.Floor(booking.Start - booking.BufferBefore);
            var busyEnd = Ticks.Ceiling(booking.End + booking.BufferAfter);
            if (busyEnd > from && busyStart < to)
            {
                spans.Starts[n] = busyStart;
                spans.Ends[n] = busyEnd;
                n++;
            }
        }

        for (var i = 0; i < blocked.Count; i++)
        {
            var busyStart = Ticks.Floor(blocked[i].Interval.Start);
            var busyEnd = Ticks.Ceiling(blocked[i].Interval.End);
            if (busyEnd > from && busyStart < to)
            {
                spans.Starts[n] = busyStart;
                spans.Ends[n] = busyEnd;
                n++;
            }
        }

        Array.Sort(spans.Starts, spans.Ends, 0, n);
        Array.Sort(spans._countedDays, 0, spans._countedCount);
        spans.Count = Merge(spans.Starts, spans.Ends, n);
        return spans;
    }

    /// <summary>Index of the first span whose end is after <paramref name="ticks"/> (spans are disjoint and sorted).</summary>
    public readonly int FirstEndingAfter(long ticks)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Ends[mid] <= ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many counted bookings start on the host-local day <paramref name="day"/>.</summary>
    public readonly int CountedOnDay(long day)
    {
        var span = _countedDays.AsSpan(0, _countedCount);
        var first = LowerBound(span, day);
        return LowerBound(span, day + 1) - first;
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(Starts);
        ArrayPool<long>.Shared.Return(Ends);
        ArrayPool<long>.Shared.Return(_countedDays);
        Starts = Ends = _countedDays = [];
        Count = _countedCount = 0;
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static int Merge(long[] starts, long[] ends, int n)
    {
        if (n == 0)
        {
            return 0;
        }

        var m = 0;
        for (var i = 1; i < n; i++)
        {
            if (starts[i] <= ends[m])
            {
                ends[m] = Math.Max(ends[m], ends[i]);
            }
            else
            {
                m++;
                starts[m] = starts[i];
                ends[m] = ends[i];
            }
        }

        return m + 1;
    }
}
