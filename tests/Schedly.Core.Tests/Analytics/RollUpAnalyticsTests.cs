using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Analytics;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Analytics;

public sealed class RollUpAnalyticsTests
{
    private readonly FakeClock _clock = new(Sample.Now);
    private readonly FakeHostDirectory _directory = new("alice", "bob", "carol");
    private readonly FakeHostRepository _hosts = new(HostTimerSample.Host("alice"), HostTimerSample.Host("bob"), HostTimerSample.Host("carol"));
    private readonly FakeBookingStore _bookings = new();
    private readonly FakeAnalyticsStore _analytics = new();

    public RollUpAnalyticsTests()
    {
        foreach (var slug in new[] { "alice", "bob", "carol" })
        {
            _bookings.Bookings.Add(HostTimerSample.Booking(slug, Sample.Start));
        }
    }

    private RollUpAnalytics CreateSut() => new(_directory, _hosts, _bookings, _analytics, _clock);

    [Fact]
    public async Task Execute_NoFailures_RollsUpEveryHost()
    {
        var count = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(["alice", "bob", "carol"], _analytics.Replaced.Keys.Order());
        Assert.All(_analytics.Replaced.Values, rollups => Assert.Equal(1, Assert.Single(rollups).Booked));
    }

    [Fact]
    public async Task Execute_MiddleHostFails_RollsUpTheOthersThenThrowsNamingIt()
    {
        _bookings.FailingHosts.Add("bob");

        var error = await Assert.ThrowsAsync<AggregateException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Equal(["alice", "carol"], _analytics.Replaced.Keys.Order());
        Assert.IsType<IOException>(Assert.Single(error.InnerExceptions));
        Assert.Contains("1 of 3 hosts", error.Message, StringComparison.Ordinal);
        Assert.Contains("bob", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SeveralHostsFail_NamesEachInOrder()
    {
        _bookings.FailingHosts.UnionWith(["alice", "carol"]);

        var error = await Assert.ThrowsAsync<AggregateException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Equal(["bob"], _analytics.Replaced.Keys);
        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.Contains("2 of 3 hosts (alice, carol)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DirectoryListingFails_PropagatesAsIs()
    {
        _directory.FailAfter = 1;

        await Assert.ThrowsAsync<IOException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Equal(["alice"], _analytics.Replaced.Keys);
    }

    [Fact]
    public async Task Execute_CancelledDuringAHost_StopsWithCancellationNotAggregate()
    {
        using var cts = new CancellationTokenSource();
        _bookings.OnRead = host =>
        {
            if (host.Value == "bob")
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().ExecuteAsync(cts.Token));

        Assert.Equal(["alice"], _analytics.Replaced.Keys);
    }
}
