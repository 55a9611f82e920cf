using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Analytics;

/// <summary>Analytics follow booking events day by day, and two recomputes of one day never leave the older figures.</summary>
public sealed class RollUpAnalyticsTests
{
    private static readonly LocalDate StartDate = new(2026, 12, 1); // Sample.Start, 14:00 UTC, in London

    private readonly FakeClock _clock = new(Sample.Now);
    private readonly FakeHostRepository _hosts = new(HostTimerSample.Host("alice"), HostTimerSample.Host("bob"));
    private readonly FakeBookingStore _bookings = new();
    private readonly FakeAnalyticsStore _analytics = new();

    public RollUpAnalyticsTests()
    {
        _bookings.Bookings.Add(HostTimerSample.Booking("alice", Sample.Start));
        _bookings.Bookings.Add(HostTimerSample.Booking("bob", Sample.Start));
    }

    private RollUpAnalytics CreateSut() => new(_hosts, _bookings, _analytics, _clock);

    [Fact]
    public async Task Recompute_OneEvent_WritesOnlyThatHostsDay()
    {
        var days = await CreateSut().RecomputeAsync(new AnalyticsWork("alice", [Sample.Start]), CancellationToken.None);

        Assert.Equal(1, days);
        Assert.Equal([("alice", StartDate)], _analytics.Written);
        Assert.Equal(1, Assert.Single(_analytics.Day("alice", StartDate)).Booked);
    }

    [Fact]
    public async Task Recompute_AMove_RecomputesBothDaysAndEmptiesTheOldOne()
    {
        var sut = CreateSut();
        await sut.RecomputeAsync(new AnalyticsWork("alice", [Sample.Start]), CancellationToken.None);
        var booking = _bookings.Bookings[0];
        _bookings.Bookings[0] = booking with { Start = booking.Start + Duration.FromDays(1), End = booking.End + Duration.FromDays(1), Sequence = 1 };

        var days = await sut.RecomputeAsync(new AnalyticsWork("alice", [booking.Start + Duration.FromDays(1), booking.Start]), CancellationToken.None);

        Assert.Equal(2, days);
        Assert.Empty(_analytics.Day("alice", StartDate));
        Assert.Equal(1, Assert.Single(_analytics.Day("alice", StartDate.PlusDays(1))).Rescheduled);
    }

    [Fact]
    public async Task Recompute_ARivalWritesTheDayFirst_RereadsAndWritesTheFreshFigures()
    {
        // Between this recompute's read and its write, a cancel lands and a rival recompute stores it.
        _analytics.BeforeReplace = () =>
        {
            _bookings.Bookings[0] = _bookings.Bookings[0] with { Status = BookingStatus.Cancelled };
            _analytics.Put("alice", StartDate, []);
        };

        await CreateSut().RecomputeAsync(new AnalyticsWork("alice", [Sample.Start]), CancellationToken.None);

        Assert.Equal(1, _analytics.Conflicts);
        Assert.Equal(1, Assert.Single(_analytics.Day("alice", StartDate)).Cancelled);
    }

    [Fact]
    public async Task Recompute_UnknownHost_DoesNothing()
    {
        var days = await CreateSut().RecomputeAsync(new AnalyticsWork("carol", [Sample.Start]), CancellationToken.None);

        Assert.Equal(0, days);
        Assert.Empty(_analytics.Written);
    }

    [Fact]
    public void CompletedAt_CountsAttendedMeetingsOverByThen()
    {
        var rollup = AnalyticsCalculator.Rollup([HostTimerSample.Booking("alice", Sample.Start)], DateTimeZone.Utc, Sample.Now).Single();

        Assert.Equal(0, rollup.Completed);
        Assert.Equal(0, rollup.CompletedAt(Sample.Start));
        Assert.Equal(1, rollup.CompletedAt(Sample.Start + Duration.FromMinutes(30)));
    }

    [Fact]
    public void AnalyticsWork_RoundTripsAndRefusesMalformed()
    {
        var work = new AnalyticsWork("alice", [Sample.Start, Sample.Start + Duration.FromDays(1)]);

        Assert.Equal(work, AnalyticsWork.TryParse(work.ToJson()));
        Assert.Null(AnalyticsWork.TryParse("{\"host\":\"alice\",\"starts\":[]}"));
        Assert.Null(AnalyticsWork.TryParse("{\"host\":\"alice\"}"));
        Assert.Null(AnalyticsWork.TryParse("nonsense"));
    }
}
