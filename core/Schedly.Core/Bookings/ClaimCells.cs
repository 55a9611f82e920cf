using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>
/// The grid of a host's time on which bookings claim: one cell per UTC hour. A booking is listed in every cell its
/// claimed span (meeting plus buffers) touches, and every write of a cell is conditional on the version read, so
/// two overlapping claims, which must share a cell, can never both commit.
/// </summary>
public static class ClaimCells
{
    /// <summary>One hour: short enough that unrelated bookings rarely share a cell, long enough that a day is 24 cells.</summary>
    public static readonly Duration Length = Duration.FromHours(1);

    /// <summary>The start of the cell containing <paramref name="instant"/>.</summary>
    public static Instant Floor(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var cellTicks = Length.BclCompatibleTicks;
        var floor = ticks - (((ticks % cellTicks) + cellTicks) % cellTicks);
        return Instant.FromUnixTimeTicks(floor);
    }

    /// <summary>The start of every cell that <c>[start, end)</c> touches, in order.</summary>
    public static IEnumerable<Instant> Touching(Instant start, Instant end)
    {
        for (var cell = Floor(start); cell < end; cell += Length)
        {
            yield return cell;
        }
    }
}

/// <summary>One claim cell as read: its start, the store's version of it, and the active bookings listed in it.</summary>
public sealed record ClaimCell(Instant Start, string Version, IReadOnlyList<BookedSpan> Spans);
