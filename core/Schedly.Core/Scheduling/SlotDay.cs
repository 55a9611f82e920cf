using System.Collections;
using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The slots that start on one client-local date, sorted by start. A light view over <see cref="SlotDays"/>'
/// compact storage; enumerating it allocates nothing when used with <c>foreach</c> directly.
/// </summary>
public readonly struct SlotDay : IReadOnlyList<Slot>
{
    private readonly long[] _startTicks;
    private readonly int _offset;
    private readonly Duration _duration;
    private readonly int[]? _seatsLeft;

    internal SlotDay(LocalDate date, long[] startTicks, int offset, int count, Duration duration, int[]? seatsLeft = null)
    {
        _seatsLeft = seatsLeft;
        Date = date;
        _startTicks = startTicks;
        _offset = offset;
        Count = count;
        _duration = duration;
    }

    /// <summary>The client-local date on which every slot of this day starts.</summary>
    public LocalDate Date { get; }

    public int Count { get; }

    public Slot this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var start = Instant.FromUnixTimeTicks(_startTicks[_offset + index]);
            return new Slot(start, start + _duration, _seatsLeft?[_offset + index]);
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Slot> IEnumerable<Slot>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Allocation-free enumerator over the slots of one day.</summary>
    public struct Enumerator : IEnumerator<Slot>
    {
        private readonly SlotDay _day;
        private int _index;

        internal Enumerator(SlotDay day)
        {
            _day = day;
            _index = -1;
        }

        public readonly Slot Current => _day[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _day.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
