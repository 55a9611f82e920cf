using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

public sealed class SlotEngineTests
{
    private static readonly DateTimeZone _london = Zone("Europe/London");
    private static readonly Instant _now = At("2026-06-01T00:00:00Z");

    private static SlotDays Compute(Availability availability, EventType eventType, params BusyBooking[] bookings) =>
        SlotEngine.Compute(new SlotContext(_london, availability, eventType, bookings), Query("2026-06-02", "2026-06-02", "Europe/London"), _now);

    [Fact]
    public void Compute_TwoIntervals_OffersAlignedSlotsInBoth()
    {
        var days = Compute(EveryDay(Range("09:00", "12:00"), Range("13:00", "14:30")), Event(duration: 60, interval: 30));

        Assert.Equal(["2026-06-02: 09:00 09:30 10:00 10:30 11:00 13:00 13:30"], LocalView(days, _london));
        Assert.All(days[0], slot => Assert.Equal(Duration.FromMinutes(60), slot.End - slot.Start));
    }

    [Fact]
    public void Compute_BuffersMustFitInsideInterval_StartsAlignFromIntervalStart()
    {
        var days = Compute(EveryDay(Range("09:00", "11:00")), Event(duration: 30, interval: 30, before: 15, after: 15));

        // 09:00 would need 08:45 free; 10:30 would need to 11:15. Alignment stays on :00/:30 from 09:00.
        Assert.Equal(["2026-06-02: 09:30 10:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_ExistingBookingWithOwnBuffers_BlocksOverlappingBufferedSpans()
    {
        // Booking 11:00-11:30 BST (10:00Z) with its own 30 min after-buffer: busy 11:00-12:00 local.
        var booking = Booking("2026-06-02T10:00:00Z", 30, after: 30);
        var days = Compute(EveryDay(Range("09:00", "14:00")), Event(duration: 30, before: 15), booking);

        // New slot needs 15 min before it: 12:00 is blocked (11:45 < 12:00), 10:30 ends at 11:00 which touches.
        Assert.Equal(["2026-06-02: 09:30 10:00 10:30 12:30 13:00 13:30"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_BlockedPeriod_BlocksAsIsWithoutBuffers()
    {
        var blocked = new BlockedPeriod(new Interval(At("2026-06-02T09:00:00Z"), At("2026-06-02T10:00:00Z")), "dentist");
        var availability = new Availability(EveryDay(Range("09:00", "13:00")).Weekly, [], [blocked]);
        var days = Compute(availability, Event(duration: 60));

        Assert.Equal(["2026-06-02: 09:00 11:00 12:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_DateOverride_ReplacesWeeklyHours()
    {
        var availability = new Availability(
            EveryDay(Range("09:00", "17:00")).Weekly,
            [new DateOverride(Date("2026-06-02"), [Range("20:00", "24:00")]), new DateOverride(Date("2026-06-03"), [])],
            []);
        var days = SlotEngine.Compute(
            new SlotContext(_london, availability, Event(duration: 60), []), Query("2026-06-02", "2026-06-04", "Europe/London"), _now);

        Assert.Equal(
            ["2026-06-02: 20:00 21:00 22:00 23:00", "2026-06-04: 09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00"],
            LocalView(days, _london));
    }

    [Fact]
    public void Compute_MinimumNotice_DropsEarlierStarts()
    {
        var now = At("2026-06-02T08:10:00Z"); // 09:10 BST
        var days = SlotEngine.Compute(
            new SlotContext(_london, EveryDay(Range("09:00", "12:00")), Event(duration: 30, notice: 60), []),
            Query("2026-06-02", "2026-06-02", "Europe/London"), now);

        Assert.Equal(["2026-06-02: 10:30 11:00 11:30"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_RollingWindow_EndsAtNowPlusDays()
    {
        var now = At("2026-06-02T10:00:00Z"); // 11:00 BST
        var days = SlotEngine.Compute(
            new SlotContext(_london, EveryDay(Range("09:00", "17:00")), Event(duration: 60, windowDays: 1), []),
            Query("2026-06-01", "2026-06-10", "Europe/London"), now);

        Assert.Equal(["2026-06-02: 11:00 12:00 13:00 14:00 15:00 16:00", "2026-06-03: 09:00 10:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_FixedWindow_IncludesBothHostLocalDates()
    {
        var eventType = Event(duration: 240) with { BookingWindow = new FixedBookingWindow(Date("2026-06-03"), Date("2026-06-04")) };
        var days = SlotEngine.Compute(
            new SlotContext(_london, EveryDay(Range("09:00", "17:00")), eventType, []),
            Query("2026-06-01", "2026-06-10", "Europe/London"), _now);

        Assert.Equal(["2026-06-03: 09:00 13:00", "2026-06-04: 09:00 13:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_DailyLimitReached_SkipsOnlyThatHostDay()
    {
        var bookings = new[]
        {
            Booking("2026-06-02T08:00:00Z", 60),
            Booking("2026-06-02T09:00:00Z", 60, counts: false), // another event type: busy, but not counted
            Booking("2026-06-03T08:00:00Z", 60),
            Booking("2026-06-03T12:00:00Z", 60),
        };
        var days = SlotEngine.Compute(
            new SlotContext(_london, EveryDay(Range("09:00", "14:00")), Event(duration: 60, maxPerDay: 2), bookings),
            Query("2026-06-02", "2026-06-03", "Europe/London"), _now);

        Assert.Equal(["2026-06-02: 11:00 12:00 13:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_InactiveEventType_OffersNothing()
    {
        var days = Compute(EveryDay(Range("09:00", "17:00")), Event(active: false));

        Assert.Empty(days);
        Assert.Equal("Europe/London", days.TimeZone);
    }

    [Fact]
    public void Compute_DaysWithoutSlots_AreOmitted()
    {
        var days = SlotEngine.Compute(
            new SlotContext(_london, Weekdays(Range("09:00", "10:00")), Event(duration: 60), []),
            Query("2026-06-05", "2026-06-08", "Europe/London"), _now);

        Assert.Equal(["2026-06-05: 09:00", "2026-06-08: 09:00"], LocalView(days, _london));
    }

    [Fact]
    public void Compute_UnsortedBookings_SameAsSorted()
    {
        var bookings = new[] { Booking("2026-06-02T12:00:00Z", 30), Booking("2026-06-02T09:00:00Z", 30), Booking("2026-06-02T09:15:00Z", 60) };
        var days = Compute(EveryDay(Range("09:00", "15:00")), Event(duration: 60), bookings);

        Assert.Equal(["2026-06-02: 09:00 12:00 14:00"], LocalView(days, _london));
    }

    [Fact]
    public void IsOffered_OfferedStart_True()
    {
        var context = new SlotContext(_london, EveryDay(Range("09:00", "12:00")), Event(duration: 30), [Booking("2026-06-02T09:00:00Z", 30)]);

        Assert.True(SlotEngine.IsOffered(context, At("2026-06-02T08:30:00Z"), _now));
    }

    [Theory]
    [InlineData("2026-06-02T09:00:00Z")] // booked
    [InlineData("2026-06-02T08:15:00Z")] // not aligned
    [InlineData("2026-06-02T07:30:00Z")] // before hours
    [InlineData("2026-06-02T10:45:00Z")] // would end after 12:00 BST
    [InlineData("2026-06-02T08:30:00.5Z")] // sub-second, never aligned
    public void IsOffered_NotOfferedStart_False(string start)
    {
        var context = new SlotContext(_london, EveryDay(Range("09:00", "12:00")), Event(duration: 30), [Booking("2026-06-02T09:00:00Z", 30)]);

        Assert.False(SlotEngine.IsOffered(context, At(start), _now));
    }

    [Fact]
    public void IsOffered_StartBeforeNotice_False()
    {
        var context = new SlotContext(_london, EveryDay(Range("09:00", "12:00")), Event(duration: 30, notice: 120), []);

        Assert.False(SlotEngine.IsOffered(context, At("2026-06-02T09:00:00Z"), At("2026-06-02T07:30:00Z")));
        Assert.True(SlotEngine.IsOffered(context, At("2026-06-02T09:30:00Z"), At("2026-06-02T07:30:00Z")));
    }

    [Fact]
    public void BusyWindow_Query_CoversRangeWithMarginsAndBuffers()
    {
        var window = SlotEngine.BusyWindow(Query("2026-06-02", "2026-06-02", "Europe/London"), Event(duration: 30, before: 10, after: 20));

        Assert.Equal(At("2026-06-01T23:00:00Z") - Duration.FromDays(2) - Duration.FromMinutes(10) - EventType.MaxBuffer, window.Start);
        Assert.Equal(At("2026-06-02T23:00:00Z") + Duration.FromDays(2) + Duration.FromMinutes(50) + EventType.MaxBuffer, window.End);
    }
}
