using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Calendars;

public sealed class ManageCalendarFeedsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);
    private static readonly HostSlug Ada = HostSlug.Parse("ada");
    private static readonly CalendarUrlProtector Protector = new("0123456789abcdef0123456789abcdef-secret");

    private readonly InMemoryFeeds _feeds = new();
    private readonly RecordingQueue _queue = new();

    private ManageCalendarFeeds CreateSut(int maxFeeds = 10, CalendarUrlProtector? protector = null) => new(
        new FakeHostRepository(new Host(Ada, new HostProfile("Ada", "ada@example.com", DateTimeZone.Utc), ApiKey.Generate().Hash, Now, Now)),
        _feeds,
        _queue,
        protector ?? Protector,
        new CalendarOptions { MaxFeedsPerHost = maxFeeds },
        new WebhookOptions(),
        new FakeClock(Now));

    [Fact]
    public async Task PutAsync_NewThenRenamed_StoresTheAddressEncryptedAndQueuesARefreshPerGeneration()
    {
        var created = await CreateSut().PutAsync(Ada, "work", new CalendarFeedDraft { Name = "Work", Url = "https://calendar.example/secret/basic.ics" }, CancellationToken.None);
        var renamed = await CreateSut().PutAsync(Ada, "work", new CalendarFeedDraft { Name = "Office" }, CancellationToken.None);

        Assert.True(Assert.IsType<CalendarFeedResult.Saved>(created).Created);
        Assert.False(Assert.IsType<CalendarFeedResult.Saved>(renamed).Created);
        var stored = _feeds.Get("work");
        Assert.Equal("Office", stored.Name);
        Assert.Equal("https://calendar.example/…", stored.MaskedUrl);
        Assert.DoesNotContain("secret", stored.ProtectedUrl, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://calendar.example/secret/basic.ics"), Protector.Unprotect(stored.ProtectedUrl, "ada", "work"));
        Assert.Equal([new CalendarRefresh("ada", "work", 1), new CalendarRefresh("ada", "work", 2)], _queue.Sent.Select(s => s.Message));
        Assert.All(_queue.Sent, s => Assert.Equal(Duration.Zero, s.Delay));
    }

    [Fact]
    public async Task PutAsync_PastTheLimitOrBadId_IsInvalidAndWritesNothing()
    {
        await CreateSut(maxFeeds: 1).PutAsync(Ada, "one", new CalendarFeedDraft { Name = "One", Url = "https://calendar.example/1.ics" }, CancellationToken.None);

        var second = await CreateSut(maxFeeds: 1).PutAsync(Ada, "two", new CalendarFeedDraft { Name = "Two", Url = "https://calendar.example/2.ics" }, CancellationToken.None);
        var badId = await CreateSut().PutAsync(Ada, "Not An Id", new CalendarFeedDraft { Name = "Two", Url = "https://calendar.example/2.ics" }, CancellationToken.None);
        var noHost = await CreateSut().PutAsync(HostSlug.Parse("nobody"), "two", new CalendarFeedDraft { Name = "Two", Url = "https://calendar.example/2.ics" }, CancellationToken.None);

        Assert.IsType<CalendarFeedResult.Invalid>(second);
        Assert.IsType<CalendarFeedResult.Invalid>(badId);
        Assert.IsType<CalendarFeedResult.NotFound>(noHost);
        Assert.Single(await _feeds.ListAsync(Ada, CancellationToken.None));
        Assert.Single(_queue.Sent);
    }

    [Fact]
    public async Task RefreshAsync_AddressUnderAnotherKey_IsUnreadable()
    {
        await CreateSut().PutAsync(Ada, "work", new CalendarFeedDraft { Name = "Work", Url = "https://calendar.example/basic.ics" }, CancellationToken.None);

        var refreshed = await CreateSut().RefreshAsync(Ada, "work", CancellationToken.None);
        var unreadable = await CreateSut(protector: new CalendarUrlProtector("another-secret-another-secret-another-secret")).RefreshAsync(Ada, "work", CancellationToken.None);
        var missing = await CreateSut().RefreshAsync(Ada, "nope", CancellationToken.None);

        Assert.Equal(2, Assert.IsType<CalendarFeedResult.Saved>(refreshed).Feed.Generation);
        Assert.IsType<CalendarFeedResult.Unreadable>(unreadable);
        Assert.IsType<CalendarFeedResult.NotFound>(missing);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheFeed()
    {
        await CreateSut().PutAsync(Ada, "work", new CalendarFeedDraft { Name = "Work", Url = "https://calendar.example/basic.ics" }, CancellationToken.None);

        var deleted = await CreateSut().DeleteAsync(Ada, "work", CancellationToken.None);
        var again = await CreateSut().DeleteAsync(Ada, "work", CancellationToken.None);

        Assert.IsType<CalendarFeedResult.Deleted>(deleted);
        Assert.IsType<CalendarFeedResult.NotFound>(again);
        Assert.Empty(await _feeds.ListAsync(Ada, CancellationToken.None));
    }
}
