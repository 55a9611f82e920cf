using System.Text;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.Tests.Hosts;

namespace Schedly.Core.Tests.Calendars;

public sealed class RefreshCalendarFeedTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);
    private static readonly HostSlug Ada = HostSlug.Parse("ada");
    private static readonly CalendarUrlProtector Protector = new("0123456789abcdef0123456789abcdef-secret");

    private readonly FakeClock _clock = new(Now);
    private readonly InMemoryFeeds _feeds = new();
    private readonly RecordingQueue _queue = new();
    private readonly ScriptedFetcher _fetcher = new();

    private RefreshCalendarFeed CreateSut()
    {
        var host = new Host(Ada, new HostProfile("Ada", "ada@example.com", DateTimeZoneProviders.Tzdb["Europe/Berlin"]), ApiKey.Generate().Hash, Now, Now);
        return new RefreshCalendarFeed(new FakeHostRepository(host), _feeds, _queue, _fetcher, Protector, new CalendarOptions(), _clock);
    }

    private CalendarFeed AddFeed()
    {
        var feed = CalendarFeed.New("ada", "work", "Work", Protector.Protect(new Uri("https://calendar.example/secret.ics"), "ada", "work"), "https://calendar.example/…", Now);
        _feeds.Put(feed);
        return feed;
    }

    private static byte[] Feed(params string[] events) => Encoding.UTF8.GetBytes(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + string.Concat(events.Select((e, i) => $"BEGIN:VEVENT\r\nUID:{i}@test\r\n{e}\r\nEND:VEVENT\r\n")) + "END:VCALENDAR\r\n");

    [Fact]
    public async Task ExecuteAsync_NewFeed_StoresBusyTimeAndQueuesTheNextRefreshIn15Minutes()
    {
        AddFeed();
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(Feed("DTSTART:20261203T100000Z\r\nDTEND:20261203T110000Z"), new FeedValidators("\"a\"", null)));

        var outcome = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);

        Assert.Equal(CalendarRefreshOutcome.Synced, outcome);
        var stored = _feeds.Get("work");
        Assert.Equal(CalendarFeedStatus.Ok, stored.StatusAt(Now));
        Assert.Equal(1, stored.BusyCount);
        Assert.Equal("\"a\"", stored.HttpETag);
        Assert.Equal([new Interval(Instant.FromUtc(2026, 12, 3, 10, 0), Instant.FromUtc(2026, 12, 3, 11, 0))], _feeds.Busy["work"]);
        var (message, delay) = Assert.Single(_queue.Sent);
        Assert.Equal(new CalendarRefresh("ada", "work", 1), message);
        Assert.InRange(delay, Duration.FromMinutes(13.5), Duration.FromMinutes(16.5));
    }

    [Fact]
    public async Task ExecuteAsync_SameBodyAgain_IsNotParsedOrRewritten()
    {
        AddFeed();
        var body = Feed("DTSTART:20261203T100000Z\r\nDTEND:20261203T110000Z");
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(body, FeedValidators.None));
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(body, FeedValidators.None));
        await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);
        var busyWrites = _feeds.BusyWrites;

        var outcome = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);

        Assert.Equal(CalendarRefreshOutcome.Unchanged, outcome);
        Assert.Equal(busyWrites, _feeds.BusyWrites);
    }

    [Fact]
    public async Task ExecuteAsync_SecondFetch_SendsTheValidatorsOfTheFirst()
    {
        AddFeed();
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(Feed("DTSTART:20261203T100000Z\r\nDTEND:20261203T110000Z"), new FeedValidators("\"a\"", "Tue, 01 Dec 2026 10:00:00 GMT")));
        _fetcher.Next.Enqueue(new FeedFetch.NotModified(FeedValidators.None));
        await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);

        var outcome = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);

        Assert.Equal(CalendarRefreshOutcome.Unchanged, outcome);
        Assert.Equal(new FeedValidators("\"a\"", "Tue, 01 Dec 2026 10:00:00 GMT"), _fetcher.Asked[1]);
    }

    [Fact]
    public async Task ExecuteAsync_StaleGeneration_IsDroppedWithoutFetching()
    {
        var feed = AddFeed();
        _feeds.Put(feed.RefreshRequested());

        var outcome = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);
        var deleted = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "gone", 1), CancellationToken.None);

        Assert.Equal(CalendarRefreshOutcome.Dropped, outcome);
        Assert.Equal(CalendarRefreshOutcome.Dropped, deleted);
        Assert.Empty(_fetcher.Asked);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task ExecuteAsync_Failures_BackOffAndDropBusyTimeAfter24Hours()
    {
        AddFeed();
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(Feed("DTSTART:20261210T100000Z\r\nDTEND:20261210T110000Z"), FeedValidators.None));
        await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);
        _fetcher.Next.Enqueue(new FeedFetch.Failed("The calendar answered HTTP 500."));
        _fetcher.Next.Enqueue(new FeedFetch.Failed("The calendar answered HTTP 500."));

        _clock.Advance(Duration.FromHours(1));
        await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);
        var failing = _feeds.Get("work");
        _clock.Advance(Duration.FromHours(24));
        await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);
        var stale = _feeds.Get("work");

        Assert.Equal(CalendarFeedStatus.Failing, failing.StatusAt(Now + Duration.FromHours(1)));
        Assert.Equal(1, failing.BusyCount);
        Assert.Equal("The calendar answered HTTP 500.", failing.LastError);
        Assert.Equal(CalendarFeedStatus.Stale, stale.StatusAt(_clock.GetCurrentInstant()));
        Assert.Equal(0, stale.BusyCount);
        Assert.Empty(_feeds.Busy["work"]);
        Assert.InRange(_queue.Sent[1].Delay, Duration.FromSeconds(54), Duration.FromSeconds(66));
        Assert.InRange(_queue.Sent[2].Delay, Duration.FromSeconds(108), Duration.FromSeconds(132));
    }

    [Fact]
    public async Task ExecuteAsync_NotACalendar_FailsWithTheParsersReason()
    {
        AddFeed();
        _fetcher.Next.Enqueue(new FeedFetch.Fetched(Encoding.UTF8.GetBytes("<html>sign in</html>"), FeedValidators.None));

        var outcome = await CreateSut().ExecuteAsync(new CalendarRefresh("ada", "work", 1), CancellationToken.None);

        Assert.Equal(CalendarRefreshOutcome.Failed, outcome);
        Assert.False(string.IsNullOrEmpty(_feeds.Get("work").LastError));
        Assert.Single(_queue.Sent);
    }
}
