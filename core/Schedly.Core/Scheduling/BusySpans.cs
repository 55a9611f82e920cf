using System.Buffers;
using System.Runtime.InteropServices;
using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The busy time relevant to one computation, in Unix ticks, on pooled arrays: buffered booking spans and blocked
/// periods, sorted and merged into disjoint spans; plus how many bookings that count toward the daily limit start
/// on each host-local day. Sorting is a bucket sort by hour (linear for real calendars; a crowded hour falls back
/// to a comparison sort), skipped when the input is already sorted. Dispose returns the arrays to the pool.
/// </summary>
internal struct BusySpans : IDisposable
{
    private const long DayTicks = NodaConstants.TicksPerDay;
    private const long BucketTicks = NodaConstants.TicksPerHour;
    private const int InsertionSortLimit = 16;

    public long[] Starts;
    public long[] Ends;
    public int Count;
    private int[] _countsByDay;
    private long _firstDay;
    private int _dayCount;

    /// <summary>Collects busy spans overlapping <c>[from, to)</c> and counted bookings starting near it.</summary>
    public static BusySpans Collect(SlotContext context, long from, long to)
    {
        var bookings = context.Bookings;
        var blocked = context.Availability.Blocked;
        var capacity = Math.Max(1, bookings.Count + blocked.Count);
        var rawStarts = ArrayPool<long>.Shared.Rent(capacity);
        var rawEnds = ArrayPool<long>.Shared.Rent(capacity);
        var countFrom = from - (3 * DayTicks);
        var countTo = to + (3 * DayTicks);
        var firstDay = Ticks.FloorDiv(countFrom, DayTicks) - 1;
        var dayCount = context.EventType.MaxBookingsPerDay is null ? 0 : (int)(Ticks.FloorDiv(countTo, DayTicks) + 2 - firstDay);
        var spans = new BusySpans
        {
            _countsByDay = ArrayPool<int>.Shared.Rent(Math.Max(1, dayCount)),
            _firstDay = firstDay,
            _dayCount = dayCount,
        };
        Array.Clear(spans._countsByDay, 0, dayCount);

        var n = 0;
        var sorted = true;
        var hostDays = new LocalDayTracker(context.HostZone);
        var all = AsSpan(bookings);
        for (var i = 0; i < all.Length; i++)
        {
            ref readonly var booking = ref all[i];
            var start = booking.StartTicks;
            if (dayCount > 0 && booking.CountsTowardDailyLimit && start >= countFrom && start < countTo)
            {
                spans._countsByDay[hostDays.DayNumber(start) - firstDay]++;
            }

            var busyStart = booking.BusyStartTicks;
            var busyEnd = booking.BusyEndTicks;
            if (busyEnd > from && busyStart < to)
            {
                sorted &= n == 0 || busyStart >= rawStarts[n - 1];
                rawStarts[n] = busyStart;
                rawEnds[n] = busyEnd;
                n++;
            }
        }

        for (var i = 0; i < blocked.Count; i++)
        {
            var busyStart = Ticks.Floor(blocked[i].Interval.Start);
            var busyEnd = Ticks.Ceiling(blocked[i].Interval.End);
            if (busyEnd > from && busyStart < to)
            {
                sorted &= n == 0 || busyStart >= rawStarts[n - 1];
                rawStarts[n] = busyStart;
                rawEnds[n] = busyEnd;
                n++;
            }
        }

        if (sorted)
        {
            spans.Starts = rawStarts;
            spans.Ends = rawEnds;
        }
        else
        {
            spans.Starts = ArrayPool<long>.Shared.Rent(capacity);
            spans.Ends = ArrayPool<long>.Shared.Rent(capacity);
            BucketSort(rawStarts, rawEnds, n, from, to, spans.Starts, spans.Ends);
            ArrayPool<long>.Shared.Return(rawStarts);
            ArrayPool<long>.Shared.Return(rawEnds);
        }

        spans.Count = Merge(spans.Starts, spans.Ends, n);
        return spans;
    }

    /// <summary>The bookings without a copy when they are an array or a list (as storage and tests pass them).</summary>
    private static ReadOnlySpan<BusyBooking> AsSpan(IReadOnlyList<BusyBooking> bookings) => bookings switch
    {
        BusyBooking[] array => array,
        List<BusyBooking> list => CollectionsMarshal.AsSpan(list),
        _ => bookings.ToArray(),
    };

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
        var index = day - _firstDay;
        return index >= 0 && index < _dayCount ? _countsByDay[index] : 0;
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(Starts);
        ArrayPool<long>.Shared.Return(Ends);
        ArrayPool<int>.Shared.Return(_countsByDay);
        Starts = Ends = [];
        _countsByDay = [];
        Count = _dayCount = 0;
    }

    /// <summary>
    /// Stable-enough sort of spans by start: counts spans per hour of <c>[from, to)</c> (earlier starts go to the first
    /// bucket), places them, then sorts each bucket (insertion sort when small).
    /// </summary>
    private static void BucketSort(long[] starts, long[] ends, int n, long from, long to, long[] sortedStarts, long[] sortedEnds)
    {
        var bucketCount = (int)Math.Min(((to - from) / BucketTicks) + 2, Math.Max(16, n * 4L));
        var width = Math.Max(BucketTicks, ((to - from) / (bucketCount - 1)) + 1);
        var offsets = ArrayPool<int>.Shared.Rent(bucketCount + 1);
        try
        {
            Array.Clear(offsets, 0, bucketCount + 1);
            for (var i = 0; i < n; i++)
            {
                offsets[Bucket(starts[i], from, width, bucketCount) + 1]++;
            }

            for (var b = 0; b < bucketCount; b++)
            {
                offsets[b + 1] += offsets[b];
            }

            for (var i = 0; i < n; i++)
            {
                var target = offsets[Bucket(starts[i], from, width, bucketCount)]++;
                sortedStarts[target] = starts[i];
                sortedEnds[target] = ends[i];
            }

            // offsets[b] is now the end of bucket b (= start of bucket b + 1).
            var bucketStart = 0;
            for (var b = 0; b < bucketCount; b++)
            {
                var bucketEnd = offsets[b];
                var length = bucketEnd - bucketStart;
                if (length > InsertionSortLimit)
                {
                    Array.Sort(sortedStarts, sortedEnds, bucketStart, length);
                }
                else if (length > 1)
                {
                    InsertionSort(sortedStarts, sortedEnds, bucketStart, bucketEnd);
                }

                bucketStart = bucketEnd;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    private static int Bucket(long start, long from, long width, int bucketCount) =>
        start <= from ? 0 : (int)Math.Min((start - from) / width, bucketCount - 1);

    private static void InsertionSort(long[] starts, long[] ends, int first, int end)
    {
        for (var i = first + 1; i < end; i++)
        {
            var start = starts[i];
            var spanEnd = ends[i];
            var j = i - 1;
            while (j >= first && starts[j] > start)
            {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }

            starts[j + 1] = start;
            ends[j + 1] = spanEnd;
        }
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
