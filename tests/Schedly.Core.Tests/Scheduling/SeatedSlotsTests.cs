using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>A seated event type: N clients share one slot; the host is busy once per session.</summary>
public sealed class SeatedSlotsTests
{
    private const string Class = "yoga";
    private static readonly Instant Now = At("2026-12-01T00:00:00Z");
    private static readonly DateTimeZone Utc = Zone("UTC");

    private static EventType Yoga(int seats = 3, int duration = 60, int interval = 30, int? maxPerDay = null, LimitsCount limitsCount = LimitsCount.Sessions) =>
        Event(duration, interval, maxPerDay: maxPerDay) with { Seats = seats, LimitsCount = limitsCount };

    private static BookedSpan Seat(string start, int minutes = 60, string eventType = Class, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), eventType, At(start), At(start) + Duration.FromMinutes(minutes), Duration.Zero, Duration.Zero);

    private static SeatedContext Context(EventType type, params BookedSpan[] booked) =>
        SeatSessions.Split(new SlotContext(Utc, EveryDay(Range("09:00", "12:00")), type, []), booked, Class);

    private static Dictionary<string, int?> Offered(EventType type, params BookedSpan[] booked) =>
        SeatedSlots.Compute(Context(type, booked), new DateInterval(Date("2026-12-02"), Date("2026-12-02")), Utc, Now)
            .SelectMany(d => d).ToDictionary(s => s.Start.InZone(Utc).TimeOfDay.ToString("HH':'mm", null), s => s.SeatsLeft);

    [Fact]
    public void Compute_NoSessions_EveryStartHasAllSeats()
    {
        var offered = Offered(Yoga(seats: 3));

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00"], offered.Keys);
        Assert.All(offered.Values, left => Assert.Equal(3, left));
    }

    [Fact]
    public void Compute_SessionWithFreeSeats_OfferedWithSeatsLeftAndOverlappingStartsAreNot()
    {
        var offered = Offered(Yoga(seats: 3), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z"));

        Assert.Equal(new Dictionary<string, int?> { ["09:00"] = 3, ["10:00"] = 1, ["11:00"] = 3 }, offered);
    }

    [Fact]
    public void Compute_FullSession_IsNotOffered()
    {
        var offered = Offered(Yoga(seats: 2), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z"));

        Assert.DoesNotContain("10:00", offered.Keys);
        Assert.Equal(0, SeatedSlots.SeatsLeft(Context(Yoga(seats: 2), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z")), At("2026-12-02T10:00:00Z"), Now));
    }

    [Fact]
    public void Compute_OtherEventTypeBooking_BlocksTheSeatedSlot()
    {
        var offered = Offered(Yoga(seats: 3), Seat("2026-12-02T10:00:00Z", 30, eventType: "intro"));

        Assert.Equal(["09:00", "10:30", "11:00"], offered.Keys);
    }

    [Fact]
    public void Compute_OtherBookingOverlappingASession_SessionIsNotJoinable()
    {
        // Written before the session by another path (e.g. the host changed hours): the session's time is not free.
        var offered = Offered(Yoga(seats: 3), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:30:00Z", 30, eventType: "intro"));

        Assert.DoesNotContain("10:00", offered.Keys);
    }

    [Fact]
    public void Compute_OtherLength_SessionOfAnotherLengthIsBusyTime()
    {
        var offered = Offered(Yoga(seats: 3, duration: 30), Seat("2026-12-02T10:00:00Z", minutes: 60));

        Assert.DoesNotContain("10:00", offered.Keys);
        Assert.DoesNotContain("10:30", offered.Keys);
    }

    [Fact]
    public void DailyLimit_CountingSessions_LetsSeatsJoinAFullDay()
    {
        var type = Yoga(seats: 3, maxPerDay: 1);

        var offered = Offered(type, Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z"));

        Assert.Equal(new Dictionary<string, int?> { ["10:00"] = 1 }, offered);
    }

    [Fact]
    public void DailyLimit_CountingAttendees_CountsEverySeat()
    {
        var type = Yoga(seats: 5, maxPerDay: 3, limitsCount: LimitsCount.Attendees);

        Assert.Empty(Offered(type, Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T09:00:00Z"), Seat("2026-12-02T09:00:00Z")));
        Assert.Empty(Offered(type, Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z")));
        Assert.Equal(
            new Dictionary<string, int?> { ["09:00"] = 5, ["10:00"] = 3, ["11:00"] = 5 },
            Offered(type, Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z")));
    }

    [Fact]
    public void SeatsLeft_MovingSeatLeftOut_ItsOwnSeatIsFree()
    {
        var type = Yoga(seats: 2);
        var booked = new[] { Seat("2026-12-02T10:00:00Z", id: "a"), Seat("2026-12-02T10:00:00Z", id: "b") };

        var context = SeatSessions.Split(new SlotContext(Utc, EveryDay(Range("09:00", "12:00")), type, []), booked, Class, excludeRandomId: "a");

        Assert.Equal(1, SeatedSlots.SeatsLeft(context, At("2026-12-02T10:00:00Z"), Now));
    }

    [Fact]
    public void SeatsLeft_StartNotOnTheGrid_IsZero()
    {
        Assert.Equal(0, SeatedSlots.SeatsLeft(Context(Yoga()), At("2026-12-02T10:10:00Z"), Now));
    }

    [Fact]
    public void Compute_NonSeatedTypeOverSessions_HostIsBusyOncePerSession()
    {
        var intro = Event(30);
        var seats = new[] { Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z"), Seat("2026-12-02T10:00:00Z") };
        var context = new SlotContext(Utc, EveryDay(Range("09:00", "12:00")), intro, [.. seats.Select(s => s.ToBusy("intro"))]);

        var starts = SlotEngine.Compute(context, new DateInterval(Date("2026-12-02"), Date("2026-12-02")), Utc, Now).SelectMany(d => d).ToList();

        Assert.Equal(["09:00", "09:30", "11:00", "11:30"], starts.Select(s => s.Start.InZone(Utc).TimeOfDay.ToString("HH':'mm", null)));
        Assert.All(starts, s => Assert.Null(s.SeatsLeft));
    }
}
