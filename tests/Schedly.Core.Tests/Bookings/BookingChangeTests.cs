using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Bookings;

/// <summary>Core plans the whole change; these pin what the store is asked to write.</summary>
public sealed class BookingChangeTests
{
    private static readonly Instant Hour14 = Instant.FromUtc(2026, 12, 1, 14, 0);

    [Fact]
    public void Create_ClaimsEveryCellItsSpanTouches_InsertingNewCellsAndReplacingReadOnesAtTheirVersion()
    {
        var booking = Sample.Booking() with { End = Sample.Start + Duration.FromMinutes(90) }; // 14:00–15:30: two cells
        var other = new BookedSpan("other", "intro", Hour14 - Duration.FromMinutes(30), Hour14, Duration.Zero, Duration.Zero);
        var snapshot = new BookingSnapshot(booking.ClaimedSpan, [new ClaimCell(Hour14, "v7", [other])], counter: null, reminders: []);

        var change = BookingChange.Create(snapshot, booking, BookingEvent.For(BookingEvent.Created, booking, Sample.Now), idempotency: null);

        Assert.Null(change.ExpectedVersion);
        Assert.Equal([Hour14, Hour14 + Duration.FromHours(1)], change.Cells.Select(c => c.Start));
        Assert.Equal("v7", change.Cells[0].ExpectedVersion);
        Assert.Equal(["other", booking.Id.Random], change.Cells[0].Spans.Select(s => s.BookingRandomId));
        Assert.Null(change.Cells[1].ExpectedVersion);
    }

    [Fact]
    public void Cancel_EmptiesItsCellsAndRemovesTheRemindersRead()
    {
        var booking = Sample.Booking();
        var span = BookedSpan.Of(booking);
        var reminder = new DueReminder(booking.Id.Host, booking.Id.Random, 60, booking.Start - Duration.FromHours(1), "r1");
        var snapshot = new BookingSnapshot(booking.ClaimedSpan, [new ClaimCell(Hour14, "v2", [span])], null, [reminder]);
        var cancelled = booking.Cancel(null, Booking.ByClient, Sample.Now);

        var change = BookingChange.Cancel(new Versioned<Booking>(booking, "b1"), snapshot, cancelled, BookingEvent.For(BookingEvent.Cancelled, cancelled, Sample.Now));

        Assert.Equal("b1", change.ExpectedVersion);
        var cell = Assert.Single(change.Cells);
        Assert.Empty(cell.Spans);
        Assert.Equal("v2", cell.ExpectedVersion);
        Assert.Equal([reminder], change.RemindersToRemove);
        Assert.Empty(change.RemindersToWrite);
    }

    [Fact]
    public void Move_ReplansRemindersAndDropsTheOldIndexRow()
    {
        var booking = Sample.Booking() with { ReminderOffsetsMinutes = [60] };
        var oldReminder = new DueReminder(booking.Id.Host, booking.Id.Random, 60, booking.Start - Duration.FromHours(1), "r1");
        var snapshot = new BookingSnapshot(booking.ClaimedSpan, [new ClaimCell(Hour14, "v2", [BookedSpan.Of(booking)])], null, [oldReminder]);
        var type = new Schedly.Core.Scheduling.EventTypeDraft { Title = "Intro", DurationMinutes = 30, ReminderOffsetsMinutes = [60] }.Validate().Value;
        var moved = booking.MoveTo(booking.Start + Duration.FromDays(1), type, DateTimeZone.Utc, Sample.Now);

        var change = BookingChange.Move(new Versioned<Booking>(booking, "b1"), snapshot, moved, BookingEvent.For(BookingEvent.Rescheduled, moved, Sample.Now));

        Assert.Equal(booking.Start, change.PreviousStart);
        Assert.Equal([oldReminder], change.RemindersToRemove);
        Assert.Equal([new PlannedReminder(60, moved.Start - Duration.FromHours(1))], change.RemindersToWrite);
        Assert.Equal(2, change.Cells.Count); // the old cell emptied, the new one inserted
    }
}
