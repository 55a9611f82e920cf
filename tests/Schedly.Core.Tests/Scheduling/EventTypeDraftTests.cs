using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

public sealed class EventTypeDraftTests
{
    private static readonly EventTypeDraft _minimal = new() { Title = "Intro call" };

    private static IReadOnlyDictionary<string, string[]> Errors(EventTypeDraft draft)
    {
        var result = draft.Validate();
        Assert.False(result.IsValid);
        return result.Errors.ToDictionary();
    }

    [Fact]
    public void Validate_TitleOnly_AppliesDocumentedDefaults()
    {
        var eventType = _minimal.Validate().Value;

        Assert.Equal(Duration.FromMinutes(30), eventType.Duration);
        Assert.Equal(Duration.FromMinutes(30), eventType.SlotInterval);
        Assert.Equal(Duration.Zero, eventType.BufferBefore);
        Assert.Equal(Duration.Zero, eventType.BufferAfter);
        Assert.Equal(Duration.Zero, eventType.MinimumNotice);
        Assert.Equal(new RollingBookingWindow(60), eventType.BookingWindow);
        Assert.Null(eventType.MaxBookingsPerDay);
        Assert.Null(eventType.Price);
        Assert.Equal([1440, 60], eventType.ReminderOffsetsMinutes);
        Assert.True(eventType.Active);
        Assert.Equal("", eventType.Description);
    }

    [Fact]
    public void Validate_SlotIntervalMissing_DefaultsToDuration()
    {
        Assert.Equal(Duration.FromMinutes(45), (_minimal with { DurationMinutes = 45 }).Validate().Value.SlotInterval);
    }

    [Fact]
    public void Validate_DesignExample_Succeeds()
    {
        var eventType = new EventTypeDraft
        {
            Title = "Intro call",
            Description = "",
            DurationMinutes = 30,
            SlotIntervalMinutes = 30,
            BufferBeforeMinutes = 0,
            BufferAfterMinutes = 10,
            MinimumNoticeMinutes = 120,
            BookingWindowDays = 60,
            MaxBookingsPerDay = null,
            Price = new PriceDraft("50.00", "EUR"),
            ReminderOffsetsMinutes = [1440, 60],
            Active = true,
        }.Validate().Value;

        Assert.Equal(new Price(50.00m, "EUR"), eventType.Price);
        Assert.Equal(Duration.FromMinutes(10), eventType.BufferAfter);
        Assert.Equal(Duration.FromMinutes(120), eventType.MinimumNotice);
    }

    [Fact]
    public void Validate_FixedWindow_BothDatesInclusive()
    {
        var eventType = (_minimal with { BookingWindowStart = "2026-12-01", BookingWindowEnd = "2026-12-01" }).Validate().Value;

        Assert.Equal(new FixedBookingWindow(Date("2026-12-01"), Date("2026-12-01")), eventType.BookingWindow);
    }

    public static TheoryData<EventTypeDraft, string> InvalidDrafts => new()
    {
        { _minimal with { Title = " " }, "title" },
        { _minimal with { DurationMinutes = 0 }, "durationMinutes" },
        { _minimal with { DurationMinutes = 1441 }, "durationMinutes" },
        { _minimal with { SlotIntervalMinutes = 0 }, "slotIntervalMinutes" },
        { _minimal with { SlotIntervalMinutes = 1441 }, "slotIntervalMinutes" },
        { _minimal with { BufferBeforeMinutes = -1 }, "bufferBeforeMinutes" },
        { _minimal with { BufferAfterMinutes = -5 }, "bufferAfterMinutes" },
        { _minimal with { MinimumNoticeMinutes = -1 }, "minimumNoticeMinutes" },
        { _minimal with { BookingWindowDays = 0 }, "bookingWindowDays" },
        { _minimal with { BookingWindowDays = 10, BookingWindowStart = "2026-12-01", BookingWindowEnd = "2026-12-31" }, "bookingWindowDays" },
        { _minimal with { BookingWindowStart = "2026-12-31", BookingWindowEnd = "2026-12-01" }, "bookingWindowEnd" },
        { _minimal with { BookingWindowStart = "2026-12-01" }, "bookingWindowEnd" },
        { _minimal with { MaxBookingsPerDay = 0 }, "maxBookingsPerDay" },
        { _minimal with { Price = new PriceDraft("50.00", "eur") }, "price.currency" },
        { _minimal with { Price = new PriceDraft("50.00", "EURO") }, "price.currency" },
        { _minimal with { Price = new PriceDraft("50.001", "EUR") }, "price.amount" },
        { _minimal with { Price = new PriceDraft("-1", "EUR") }, "price.amount" },
        { _minimal with { Price = new PriceDraft("1e3", "EUR") }, "price.amount" },
        { _minimal with { Price = new PriceDraft("50,00", "EUR") }, "price.amount" },
        { _minimal with { ReminderOffsetsMinutes = [1, 2, 3, 4, 5, 6] }, "reminderOffsetsMinutes" },
        { _minimal with { ReminderOffsetsMinutes = [60, 60] }, "reminderOffsetsMinutes[1]" },
        { _minimal with { ReminderOffsetsMinutes = [0] }, "reminderOffsetsMinutes[0]" },
        { _minimal with { Description = "bell\u0007" }, "description" },
        { _minimal with { Seats = 0 }, "seats" },
        { _minimal with { Seats = 1001 }, "seats" },
        { _minimal with { LimitsCount = "people" }, "limitsCount" },
    };

    [Theory]
    [InlineData(null, null, null, LimitsCount.Sessions)]
    [InlineData(1, null, 1, LimitsCount.Sessions)]
    [InlineData(1000, "attendees", 1000, LimitsCount.Attendees)]
    [InlineData(12, "sessions", 12, LimitsCount.Sessions)]
    public void Validate_Seats_KeepsSeatsAndWhatLimitsCount(int? seats, string? limitsCount, int? expectedSeats, LimitsCount expectedCount)
    {
        var type = (_minimal with { Seats = seats, LimitsCount = limitsCount }).Validate().Value;

        Assert.Equal(expectedSeats, type.Seats);
        Assert.Equal(expectedCount, type.LimitsCount);
    }

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public void Validate_InvalidField_ReportsItsPath(EventTypeDraft draft, string field)
    {
        Assert.Contains(field, Errors(draft).Keys);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("7.5", 7.5)]
    [InlineData("1234.99", 1234.99)]
    public void Validate_GoodAmount_Parses(string amount, decimal expected)
    {
        Assert.Equal(expected, (_minimal with { Price = new PriceDraft(amount, "USD") }).Validate().Value.Price!.Amount);
    }

    [Fact]
    public void Validate_EmptyReminders_MeansNone()
    {
        Assert.Empty((_minimal with { ReminderOffsetsMinutes = [] }).Validate().Value.ReminderOffsetsMinutes);
    }

    [Fact]
    public void EventType_ZeroDurationBuiltInCode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _minimal.Validate().Value with { Duration = Duration.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => _minimal.Validate().Value with { SlotInterval = Duration.FromHours(25) });
        Assert.Throws<ArgumentOutOfRangeException>(() => _minimal.Validate().Value with { BufferAfter = Duration.FromMinutes(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => _minimal.Validate().Value with { MaxBookingsPerDay = 0 });
    }
}
