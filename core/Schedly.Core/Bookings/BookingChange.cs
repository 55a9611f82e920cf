using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;

namespace Schedly.Core.Bookings;

/// <summary>
/// One booking change as a whole value, planned from a <see cref="BookingSnapshot"/>: the booking row, the claim
/// cells to write (each conditional on the version read), the daily counter, the reminder entries to write and to
/// remove, the outbox event and the idempotency record. The store turns it into ONE atomic write that fails when
/// anything the snapshot saw has changed; it reads and decides nothing itself.
/// </summary>
public sealed record BookingChange
{
    private BookingChange(Booking booking, string? expectedVersion)
    {
        Booking = booking;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The booking as it is after the change.</summary>
    public Booking Booking { get; }

    /// <summary>The booking's version the change was decided on; null when the booking is new (its row must not exist).</summary>
    public string? ExpectedVersion { get; }

    /// <summary>The start the booking's by-start index row had before a move, when it moved; that row is removed.</summary>
    public Instant? PreviousStart { get; private init; }

    public IReadOnlyList<CellWrite> Cells { get; private init; } = [];

    /// <summary>The daily counter to stamp (conditionally on its version), when the new claim counts toward a limit.</summary>
    public CounterVersion? Counter { get; private init; }

    /// <summary>Reminder entries to write (upsert).</summary>
    public IReadOnlyList<PlannedReminder> RemindersToWrite { get; private init; } = [];

    /// <summary>Stored reminder entries to remove, each at the version read.</summary>
    public IReadOnlyList<DueReminder> RemindersToRemove { get; private init; } = [];

    /// <summary>The outbox event announcing the change; null for a change nobody is told of.</summary>
    public BookingEvent? Event { get; private init; }

    public IdempotencyRecord? Idempotency { get; private init; }

    /// <summary>The pending booking's expiry entry to write (due at this instant), so due work finds it.</summary>
    public Instant? ExpiryToWrite { get; private init; }

    /// <summary>The expiry entry (due at this instant) to remove: the booking stops waiting.</summary>
    public Instant? ExpiryToRemove { get; private init; }

    /// <summary>A new booking claiming its time.</summary>
    public static BookingChange Create(BookingSnapshot snapshot, Booking booking, BookingEvent created, IdempotencyRecord? idempotency)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(booking);
        return new BookingChange(booking, expectedVersion: null)
        {
            Cells = CellWrite.Plan(snapshot.Cells, remove: null, add: BookedSpan.Of(booking)),
            Counter = snapshot.Counter,
            RemindersToWrite = PlannedReminder.For(booking, booking.UpdatedAt),
            Event = created,
            Idempotency = idempotency,
            ExpiryToWrite = booking.IsPending ? booking.ExpiresAt : null,
        };
    }

    /// <summary>A collective booking's hold (<see cref="BookingStatus.Held"/>): claims its time like a new booking, announced to nobody yet.</summary>
    public static BookingChange Hold(BookingSnapshot snapshot, Booking held)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(held);
        return new BookingChange(held, expectedVersion: null)
        {
            Cells = CellWrite.Plan(snapshot.Cells, remove: null, add: BookedSpan.Of(held)),
            Counter = snapshot.Counter,
            RemindersToWrite = PlannedReminder.For(held, held.UpdatedAt),
        };
    }

    /// <summary>A hold released (the collective booking rolled back): its time and reminder entries are freed, nobody is told.</summary>
    public static BookingChange Release(Versioned<Booking> current, BookingSnapshot snapshot, Booking released)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(released);
        return new BookingChange(released, current.Version)
        {
            Cells = CellWrite.Plan(snapshot.Cells, remove: released.Id.Random, add: null),
            RemindersToRemove = snapshot.Reminders,
        };
    }

    /// <summary>
    /// A cancellation, decline or expiry of <paramref name="current"/>: the booking frees its time and loses its reminder
    /// entries (and its expiry entry, when it was pending).
    /// </summary>
    public static BookingChange Cancel(Versioned<Booking> current, BookingSnapshot snapshot, Booking cancelled, BookingEvent cancelledEvent)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(cancelled);
        return new BookingChange(cancelled, current.Version)
        {
            Cells = CellWrite.Plan(snapshot.Cells, remove: cancelled.Id.Random, add: null),
            RemindersToRemove = snapshot.Reminders,
            Event = cancelledEvent,
            ExpiryToRemove = current.Value.IsPending ? current.Value.ExpiresAt : null,
        };
    }

    /// <summary>A pending booking confirmed (paid or approved): it keeps its claim and reminders and loses its expiry entry.</summary>
    public static BookingChange Confirm(Versioned<Booking> current, Booking confirmed, BookingEvent confirmedEvent)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(confirmed);
        return new BookingChange(confirmed, current.Version)
        {
            Event = confirmedEvent,
            ExpiryToRemove = current.Value.ExpiresAt,
        };
    }

    /// <summary>A move: the old claim is freed and the new one made, reminders re-planned for the new start.</summary>
    public static BookingChange Move(Versioned<Booking> current, BookingSnapshot snapshot, Booking moved, BookingEvent rescheduled)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(moved);
        var planned = PlannedReminder.For(moved, moved.UpdatedAt);
        return new BookingChange(moved, current.Version)
        {
            PreviousStart = moved.Start == current.Value.Start ? null : current.Value.Start,
            Cells = CellWrite.Plan(snapshot.Cells, remove: moved.Id.Random, add: BookedSpan.Of(moved)),
            Counter = snapshot.Counter,
            RemindersToWrite = planned,
            RemindersToRemove = snapshot.Reminders.Where(r => !planned.Contains(new PlannedReminder(r.OffsetMinutes, r.Due))).ToList(),
            Event = rescheduled,
        };
    }

    /// <summary>A change of the booking's own fields (a no-show mark) that claims nothing.</summary>
    public static BookingChange Update(string currentVersion, Booking updated, BookingEvent? updateEvent)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new BookingChange(updated, currentVersion) { Event = updateEvent };
    }
}

/// <summary>
/// A conditional write of one claim cell: the bookings it lists afterwards, and the version it was read at.
/// <see cref="ExpectedVersion"/> null: the cell did not exist and is created (failing if another writer created
/// it first). Empty <see cref="Spans"/>: the cell is deleted at its version. Otherwise it is replaced at its version.
/// </summary>
public sealed record CellWrite(Instant Start, IReadOnlyList<BookedSpan> Spans, string? ExpectedVersion)
{
    /// <summary>
    /// The writes that take booking <paramref name="remove"/> out of, and put <paramref name="add"/> into, every cell
    /// they touch, in cell order.
    /// </summary>
    public static IReadOnlyList<CellWrite> Plan(IReadOnlyList<ClaimCell> cells, string? remove, BookedSpan? add)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var read = cells.ToDictionary(c => c.Start);
        var addedTo = add is null ? [] : ClaimCells.Touching(add.ClaimedSpan.Start, add.ClaimedSpan.End).ToHashSet();
        var touched = new SortedSet<Instant>(addedTo);
        if (remove is not null)
        {
            touched.UnionWith(cells.Where(c => c.Spans.Any(s => s.BookingRandomId == remove)).Select(c => c.Start));
        }

        var writes = new List<CellWrite>(touched.Count);
        foreach (var start in touched)
        {
            var existing = read.GetValueOrDefault(start);
            var spans = (existing?.Spans ?? []).Where(s => s.BookingRandomId != remove).ToList();
            if (addedTo.Contains(start))
            {
                spans.Add(add!);
            }

            writes.Add(new CellWrite(start, spans, existing?.Version));
        }

        return writes;
    }
}
