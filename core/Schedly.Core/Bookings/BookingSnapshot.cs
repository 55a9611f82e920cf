using NodaTime;
using Schedly.Core.Reminders;

namespace Schedly.Core.Bookings;

/// <summary>
/// What a booking decision may look at, as read at one moment with the store's versions of everything read: the
/// claim cells of the windows asked for, the daily counter's version, and the reminder entries of the booking
/// being changed. A <see cref="BookingChange"/> planned from it writes conditionally on those versions, so a
/// decision taken on the snapshot can never race with another writer.
/// </summary>
public sealed class BookingSnapshot
{
    public BookingSnapshot(Interval window, IReadOnlyList<ClaimCell> cells, CounterVersion? counter, IReadOnlyList<DueReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(reminders);
        Cells = cells;
        Counter = counter;
        Reminders = reminders;
        Bookings = cells.SelectMany(c => c.Spans)
            .Where(s => s.ClaimedSpan.Start < window.End && window.Start < s.ClaimedSpan.End)
            .DistinctBy(s => s.BookingRandomId)
            .ToList();
    }

    /// <summary>The active bookings whose claimed span overlaps the window the decision is about.</summary>
    public IReadOnlyList<BookedSpan> Bookings { get; }

    /// <summary>Every claim cell read (those of the window, and of the changed booking's current span).</summary>
    public IReadOnlyList<ClaimCell> Cells { get; }

    /// <summary>The daily counter asked for, with its version (null version: not written yet); null when none was asked for.</summary>
    public CounterVersion? Counter { get; }

    /// <summary>The stored reminder entries of the booking being changed (the timer removes entries as it handles them).</summary>
    public IReadOnlyList<DueReminder> Reminders { get; }
}

/// <summary>What to read for a decision: the window of time it is about, the daily counter, and the booking it changes.</summary>
/// <param name="Window">The claimed time the decision looks at (see <see cref="Scheduling.SlotEngine.BusyWindow(Instant, Scheduling.EventType)"/>).</param>
/// <param name="Counter">The daily counter the new claim rewrites, when the event type has a daily limit.</param>
/// <param name="Changing">The booking being cancelled or moved: its current cells and reminder entries are read too.</param>
public sealed record SnapshotScope(Interval Window, DailyCounterKey? Counter = null, Booking? Changing = null);

/// <summary>A daily counter and the version it was read at (null: it does not exist yet).</summary>
public sealed record CounterVersion(DailyCounterKey Key, string? Version);
