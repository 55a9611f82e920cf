using Schedly.Core.Calendars;
using Schedly.Core.Webhooks;
using Schedly.Functions.Calendars;

namespace Schedly.IntegrationTests.Calendars;

/// <summary>
/// <see cref="HttpCalendarFeedFetcher"/> against a loopback feed server: a normal feed and its 304, and every hostile
/// answer ends in a short, address-free failure instead of an exception.
/// </summary>
public sealed class FeedFetcherTests : IAsyncLifetime
{
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpCalendarFeedFetcher CreateSut(bool allowLocal = true) =>
        new(new CalendarOptions { TimeoutSeconds = 2 }, new WebhookOptions { AllowPrivateAddresses = allowLocal });

    [Fact]
    public async Task FetchAsync_NormalFeed_ReturnsBodyThen304WithItsETag()
    {
        using var sut = CreateSut();

        var first = Assert.IsType<FeedFetch.Fetched>(await sut.FetchAsync(_server.Url("/normal.ics"), FeedValidators.None, CancellationToken.None));
        var second = await sut.FetchAsync(_server.Url("/normal.ics"), first.Validators, CancellationToken.None);

        Assert.StartsWith("BEGIN:VCALENDAR", System.Text.Encoding.UTF8.GetString(first.Body), StringComparison.Ordinal);
        Assert.NotNull(first.Validators.ETag);
        Assert.IsType<FeedFetch.NotModified>(second);
        Assert.Equal(1, _server.NotModified);
    }

    [Theory]
    [InlineData("/error.ics", "HTTP 500")]
    [InlineData("/slow.ics", "did not answer within 2 seconds")]
    [InlineData("/huge.ics", "larger than 5 MB")]
    [InlineData("/bomb.ics", "larger than 5 MB")]
    [InlineData("/private.ics", "redirected to an address that is not allowed")]
    [InlineData("/loop.ics", "redirected more than 3 times")]
    public async Task FetchAsync_HostileFeed_FailsWithAClearMessage(string path, string expected)
    {
        using var sut = CreateSut();
        var url = _server.Url(path);

        var failed = Assert.IsType<FeedFetch.Failed>(await sut.FetchAsync(url, FeedValidators.None, CancellationToken.None));

        Assert.Contains(expected, failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(url.Authority, failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_Garbage_IsFetchedAndLeftToTheParserToReject()
    {
        using var sut = CreateSut();

        var fetched = Assert.IsType<FeedFetch.Fetched>(await sut.FetchAsync(_server.Url("/garbage.ics"), FeedValidators.None, CancellationToken.None));

        Assert.IsType<BusyFeedResult.Failed>(BusyFeedParser.Parse(System.Text.Encoding.UTF8.GetString(fetched.Body), new BusyFeedRequest(
            NodaTime.DateTimeZone.Utc, new NodaTime.Interval(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), NodaTime.Instant.FromUtc(2026, 3, 1, 0, 0)), _ => false)));
    }

    [Fact]
    public async Task FetchAsync_LoopbackOutsideLocalRuns_IsRefusedBeforeConnecting()
    {
        using var sut = CreateSut(allowLocal: false);
        var requests = _server.Requests;

        var failed = Assert.IsType<FeedFetch.Failed>(await sut.FetchAsync(_server.Url("/normal.ics"), FeedValidators.None, CancellationToken.None));

        Assert.Contains("not allowed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(requests, _server.Requests);
    }
}
