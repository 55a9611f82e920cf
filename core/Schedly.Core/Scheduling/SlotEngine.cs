using System.Buffers;
using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Computes the slots a host offers for one event type. Pure: no clock, no I/O; the caller passes "now".
/// <para>
/// A slot <c>[start, start + duration)</c> is offered when all hold:
/// its buffered span <c>[start - bufferBefore, start + duration + bufferAfter)</c> lies inside the UNION of the
/// availability intervals (each resolved to instants by <see cref="DstResolvers"/>; intervals that touch or overlap,
/// also across local midnight, form one block); that buffered span overlaps no busy interval
/// (existing bookings widened by their own buffers, blocked periods as-is; touching is not overlapping);
/// start ≥ now + minimum notice; start lies in the booking window; the event type is active; and, when the event
/// type has a daily limit, fewer than that many of its bookings start on the host-local date of the slot start.
/// Starts are aligned to the slot interval in elapsed time from the start instant of the availability interval that
/// contains the start.
/// </para>
/// Cost is O(days + intervals + bookings + slots): busy spans are sorted once and swept.
/// </summary>
public static class SlotEngine
{
    /// <summary>
    /// How far <see cref="BusyWindow(SlotQuery, EventType)"/> reaches beyond the query on each side, besides buffers:
    /// two days, enough to cover any host-local day that contains a candidate start (for the daily limit).
    /// </summary>
    public static readonly Duration BusyWindowMargin = Duration.FromDays(2);

    /// <summary>The slots for <paramref name="query"/>, grouped by client-local date; days without slots are omitted.</summary>
    public static SlotDays Compute(SlotContext context, SlotQuery query, Instant now)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Compute(context, new DateInterval(query.Start, query.End), query.TimeZone, now);
    }

    /// <summary>
    /// The slots starting on the client-local dates <paramref name="clientDates"/> (both ends inclusive) in
    /// <paramref name="clientZone"/>, grouped by client-local date; days without slots are omitted. Unlike
    /// <see cref="SlotQuery"/>, this does not limit the number of days (the HTTP limit of 62 is the query's rule).
    /// </summary>
    public static SlotDays Compute(SlotContext context, DateInterval clientDates, DateTimeZone clientZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clientDates);
        ArgumentNullException.ThrowIfNull(clientZone);
        var from = clientDates.Start.AtStartOfDayInZone(clientZone).ToInstant();
        var to = clientDates.End.PlusDays(1).AtStartOfDayInZone(clientZone).ToInstant();
        var buffer = ArrayPool<long>.Shared.Rent(256);
        try
        {
            var count = Generate(context, Ticks.Ceiling(from), Ticks.Ceiling(to), now, ref buffer);
            return Group(clientZone, context.EventType.Duration, buffer, count);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True when a slot starting exactly at <paramref name="start"/> is offered at <paramref name="now"/>, by the same
    /// rules as <see cref="Compute(SlotContext, DateInterval, DateTimeZone, Instant)"/> (independent of any client date range). The booking use case calls this to
    /// re-check a requested start server-side; when rescheduling, leave the booking being moved out of the bookings.
    /// </summary>
    public static bool IsOffered(SlotContext context, Instant start, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticks = Ticks.Floor(start);
        if (Instant.FromUnixTimeTicks(ticks) != start)
        {
            return false;
        }

        var buffer = ArrayPool<long>.Shared.Rent(16);
        try
        {
            var count = Generate(context, ticks, ticks + 1, now, ref buffer);
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] == ticks)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The instants for which existing bookings must be loaded to answer <paramref name="query"/>: the query's instant
    /// range widened by <see cref="BusyWindowMargin"/> on each side, by the event type's own duration and buffers, and
    /// by <see cref="EventType.MaxBuffer"/> for other event types' buffers. Load every booking whose
    /// <c>[start, end)</c> overlaps the result.
    /// </summary>
    public static Interval BusyWindow(SlotQuery query, EventType eventType)
    {
        ArgumentNullException.ThrowIfNull(query);
        var range = query.ToInterval();
        return Widen(range.Start, range.End, eventType);
    }

    /// <summary>The bookings window needed by <see cref="IsOffered"/> for one start (see the overload for queries).</summary>
    public static Interval BusyWindow(Instant start, EventType eventType) => Widen(start, start, eventType);

    private static Interval Widen(Instant from, Instant to, EventType eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return new Interval(
            from - BusyWindowMargin - eventType.BufferBefore - EventType.MaxBuffer,
            to + BusyWindowMargin + eventType.Duration + eventType.BufferAfter + EventType.MaxBuffer);
    }

    /// <summary>
    /// Writes every offered start in <c>[lo, hi)</c> (Unix ticks) into <paramref name="output"/>, sorted and unique,
    /// and returns how many. <paramref name="output"/> is a pooled array and may be replaced by a larger one.
    /// </summary>
    private static int Generate(SlotContext context, long lo, long hi, Instant now, ref long[] output)
    {
        var eventType = context.EventType;
        if (!eventType.Active)
        {
            return 0;
        }

        var hostZone = context.HostZone;
        var window = eventType.BookingWindow.Bounds(now, hostZone);
        lo = Math.Max(lo, Math.Max(Ticks.Ceiling(now + eventType.MinimumNotice), Ticks.Ceiling(window.Start)));
        hi = Math.Min(hi, Ticks.Ceiling(window.End));
        if (lo >= hi)
        {
            return 0;
        }

        var duration = Ticks.Of(eventType.Duration);
        var step = Ticks.Of(eventType.SlotInterval);
        var before = Ticks.Of(eventType.BufferBefore);
        var after = Ticks.Of(eventType.BufferAfter);
        var busy = BusySpans.Collect(context, lo - before, hi + duration + after);
        var blocks = AvailabilityBlocks.Collect(
            context.Availability,
            hostZone,
            Instant.FromUnixTimeTicks(lo - before).InZone(hostZone).Date.PlusDays(-1),
            Instant.FromUnixTimeTicks(hi + duration + after).InZone(hostZone).Date.PlusDays(1));
        try
        {
            var hostDays = new LocalDayTracker(hostZone);
            var limit = eventType.MaxBookingsPerDay;
            var limitDay = long.MinValue;
            var limitReached = false;
            var count = 0;
            var sorted = true;
            for (var r = 0; r < blocks.Count; r++)
            {
                // Starts step from this interval's own start and lie inside it; the buffered span only has to lie
                // inside its block (the union of the intervals touching it), so it may cross a seam or local midnight.
                var start = blocks.Starts[r];
                var blockStart = blocks.BlockStarts[r];
                var stop = Math.Min(hi, blocks.Ends[r]);
                var lastStart = blocks.BlockEnds[r] - duration - after;
                if (start >= stop || stop <= lo || blockStart + before > lastStart)
                {
                    continue;
                }

                var k = blockStart + before > start ? Ticks.CeilingDiv(blockStart + before - start, step) : 0;
                if (lo > start)
                {
                    k = Math.Max(k, Ticks.CeilingDiv(lo - start, step));
                }

                var t = start + (k * step);
                var p = busy.FirstEndingAfter(t - before);
                while (t < stop && t <= lastStart)
                {
                    var spanStart = t - before;
                    var spanEnd = t + duration + after;
                    while (p < busy.Count && busy.Ends[p] <= spanStart)
                    {
                        p++;
                    }

                    if (p < busy.Count && busy.Starts[p] < spanEnd)
                    {
                        // Jump to the first aligned start whose buffered span begins at or after this busy span's end.
                        t = start + (Ticks.CeilingDiv(busy.Ends[p] + before - start, step) * step);
                        continue;
                    }

                    if (limit is { } max)
                    {
                        var day = hostDays.DayNumber(t);
                        if (day != limitDay)
                        {
                            limitDay = day;
                            limitReached = busy.CountedOnDay(day) >= max;
                        }

                        if (limitReached)
                        {
                            t += step;
                            continue;
                        }
                    }

                    if (count > 0 && t <= output[count - 1])
                    {
                        sorted = false;
                    }

                    if (count == output.Length)
                    {
                        Grow(ref output);
                    }

                    output[count++] = t;
                    t += step;
                }
            }

            return sorted ? count : SortUnique(output, count);
        }
        finally
        {
            blocks.Dispose();
            busy.Dispose();
        }
    }

    /// <summary>Only on nights where overlapping DST resolution put starts out of order: sort and drop duplicates.</summary>
    private static int SortUnique(long[] values, int count)
    {
        Array.Sort(values, 0, count);
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            if (unique == 0 || values[i] != values[unique - 1])
            {
                values[unique++] = values[i];
            }
        }

        return unique;
    }

    private static void Grow(ref long[] buffer)
    {
        var larger = ArrayPool<long>.Shared.Rent(buffer.Length * 2);
        Array.Copy(buffer, larger, buffer.Length);
        ArrayPool<long>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>Groups sorted unique starts (Unix ticks) by client-local date.</summary>
    internal static SlotDays Group(DateTimeZone clientZone, Duration slotDuration, long[] starts, int count)
    {
        if (count == 0)
        {
            return SlotDays.Empty(clientZone.Id, slotDuration);
        }

        var clientDays = new LocalDayTracker(clientZone);
        var dayCount = 0;
        var previous = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var day = clientDays.DayNumber(starts[i]);
            if (day != previous)
            {
                dayCount++;
                previous = day;
            }
        }

        var dates = new LocalDate[dayCount];
        var offsets = new int[dayCount + 1];
        var d = 0;
        previous = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var day = clientDays.DayNumber(starts[i]);
            if (day != previous)
            {
                dates[d] = LocalDayTracker.ToDate(day);
                offsets[d] = i;
                d++;
                previous = day;
            }
        }

        offsets[dayCount] = count;
        return new SlotDays(clientZone.Id, slotDuration, starts.AsSpan(0, count).ToArray(), dates, offsets);
    }
}
