using System.Collections;
using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The answer to a slot query: slots grouped by the client's local date, shaped as the HTTP contract's
/// <c>{ timeZone, days: [ { date, slots: [ { start, end } ] } ] }</c>. Days are sorted by date; days with no slots
/// are OMITTED. Slots are stored compactly (one 64-bit start per slot; End = Start + <see cref="SlotDuration"/>).
/// </summary>
public sealed class SlotDays : IReadOnlyList<SlotDay>
{
    private readonly long[] _startTicks;
    private readonly LocalDate[] _dates;
    private readonly int[] _dayOffsets;
    private readonly int[]? _seatsLeft;

    internal SlotDays(string timeZone, Duration slotDuration, long[] startTicks, LocalDate[] dates, int[] dayOffsets, int[]? seatsLeft = null)
    {
        TimeZone = timeZone;
        SlotDuration = slotDuration;
        _startTicks = startTicks;
        _dates = dates;
        _dayOffsets = dayOffsets;
        _seatsLeft = seatsLeft;
    }

    /// <summary>The client's IANA zone id.</summary>
    public string TimeZone { get; }

    /// <summary>The length of every slot.</summary>
    public Duration SlotDuration { get; }

    /// <summary>Number of days that have at least one slot.</summary>
    public int Count => _dates.Length;

    /// <summary>Total number of slots over all days.</summary>
    public int SlotCount => _startTicks.Length;

    public SlotDay this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_dates.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var offset = _dayOffsets[index];
            return new SlotDay(_dates[index], _startTicks, offset, _dayOffsets[index + 1] - offset, SlotDuration, _seatsLeft);
        }
    }

    /// <summary>Every slot start in Unix ticks, sorted and unique.</summary>
    internal ReadOnlySpan<long> StartTicks => _startTicks;

    /// <summary>These slots with the seats left of each (one per slot, in start order): a seated event type's slots.</summary>
    internal SlotDays WithSeatsLeft(int[] seatsLeft) => new(TimeZone, SlotDuration, _startTicks, _dates, _dayOffsets, seatsLeft);

    internal static SlotDays Empty(string timeZone, Duration slotDuration) =>
        new(timeZone, slotDuration, [], [], [0]);

    /// <summary>Every slot start, sorted and unique, across all days.</summary>
    public IEnumerable<Instant> AllStarts()
    {
        foreach (var ticks in _startTicks)
        {
            yield return Instant.FromUnixTimeTicks(ticks);
        }
    }

    public IEnumerator<SlotDay> GetEnumerator()
    {
        for (var i = 0; i < _dates.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
