using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Bookings;

/// <summary>The booking decides its own transitions and refuses the ones its status does not allow.</summary>
public sealed class BookingTransitionTests
{
    private static readonly EventType Hour = new EventTypeDraft { Title = "Hour", DurationMinutes = 60, BufferAfterMinutes = 15, ReminderOffsetsMinutes = [30] }.Validate().Value;
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    [Fact]
    public void Constructor_EndNotAfterStart_Throws()
    {
        var booking = Sample.Booking();

        Assert.Throws<ArgumentException>(() => new Booking(
            booking.Id, booking.EventType, booking.Start, booking.Start, booking.BufferBefore, booking.BufferAfter, booking.Status, booking.Client,
            booking.ManageTokenHash, booking.CreatedAt, booking.UpdatedAt, booking.Sequence, booking.Price, booking.HostDate));
    }

    [Fact]
    public void Constructor_NegativeBufferOrSequence_Throws()
    {
        var b = Sample.Booking();

        Assert.Throws<ArgumentOutOfRangeException>(() => new Booking(b.Id, b.EventType, b.Start, b.End, Duration.FromMinutes(-1), b.BufferAfter, b.Status, b.Client, b.ManageTokenHash, b.CreatedAt, b.UpdatedAt, b.Sequence, b.Price, b.HostDate));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Booking(b.Id, b.EventType, b.Start, b.End, b.BufferBefore, b.BufferAfter, b.Status, b.Client, b.ManageTokenHash, b.CreatedAt, b.UpdatedAt, -1, b.Price, b.HostDate));
    }

    [Fact]
    public void Cancel_Confirmed_RecordsWhoWhyAndWhen()
    {
        var at = Sample.Now + Duration.FromHours(1);

        var cancelled = Sample.Booking().Cancel("Ill", Booking.ByClient, at);

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.False(cancelled.IsActive);
        Assert.Equal(("Ill", Booking.ByClient, at), (cancelled.CancelReason, cancelled.CancelledBy, cancelled.UpdatedAt));
    }

    [Fact]
    public void Transitions_OfCancelledBooking_Throw()
    {
        var cancelled = Sample.Booking(status: BookingStatus.Cancelled);

        Assert.Throws<InvalidOperationException>(() => cancelled.Cancel(null, Booking.ByHost, Sample.Now));
        Assert.Throws<InvalidOperationException>(() => cancelled.MoveTo(Sample.Start, Hour, Tokyo, Sample.Now));
        Assert.Throws<InvalidOperationException>(() => cancelled.SetNoShow(true, Sample.Start + Duration.FromHours(1)));
    }

    [Fact]
    public void MoveTo_TakesTheEventTypesCurrentRulesAndRaisesTheSequence()
    {
        var newStart = Instant.FromUtc(2026, 12, 31, 15, 30);

        var moved = Sample.Booking(sequence: 2).MoveTo(newStart, Hour, Tokyo, Sample.Now);

        Assert.Equal((newStart, newStart + Duration.FromHours(1)), (moved.Start, moved.End));
        Assert.Equal(Duration.FromMinutes(15), moved.BufferAfter);
        Assert.Equal(new LocalDate(2027, 1, 1), moved.HostDate); // 00:30 in Tokyo
        Assert.Equal(3, moved.Sequence);
        Assert.Equal([30], moved.ReminderOffsetsMinutes);
    }

    [Fact]
    public void MoveTo_ByTheHost_DoesNotUseUpTheClientsReschedules()
    {
        var booking = Sample.Booking() with { ClientPolicy = new ClientPolicy(null, null, 1) };
        var later = Instant.FromUtc(2026, 12, 31, 15, 30);

        var movedByHost = booking.MoveTo(later, Hour, Tokyo, Sample.Now, byHost: true);
        var movedByClient = movedByHost.MoveTo(later + Duration.FromHours(1), Hour, Tokyo, Sample.Now);

        Assert.Equal((1, 1, 1), (movedByHost.Sequence, movedByHost.HostMoves, movedByHost.ReschedulesLeft));
        Assert.Equal((2, 1, 0), (movedByClient.Sequence, movedByClient.HostMoves, movedByClient.ReschedulesLeft));
    }

    [Fact]
    public void SetNoShow_BeforeTheStart_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Sample.Booking().SetNoShow(true, Sample.Start - Duration.FromMinutes(1)));
    }

    [Fact]
    public void SetNoShow_ClockBehindLastChange_StillMovesUpdatedAtOnByAMillisecond()
    {
        var booking = Sample.Booking() with { UpdatedAt = Sample.Start + Duration.FromHours(2) };

        var marked = booking.SetNoShow(true, Sample.Start + Duration.FromHours(1));

        Assert.True(marked.NoShow);
        Assert.Equal(booking.UpdatedAt.ToUnixTimeMilliseconds() + 1, marked.UpdatedAt.ToUnixTimeMilliseconds());
    }
}
