using System.Net;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;

namespace Schedly.Core.Tests.Abuse;

public sealed class RateLimiterTests
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 12, 1, 12, 0, 0);
    private static readonly HostSlug Ada = HostSlug.Parse("ada");
    private static readonly ClientAddress One = ClientAddress.From(IPAddress.Parse("203.0.113.7"));
    private static readonly ClientAddress Two = ClientAddress.From(IPAddress.Parse("198.51.100.9"));

    [Fact]
    public async Task CheckAsync_OverTheClientLimit_RefusesUntilTheWindowEnds()
    {
        var (sut, clock, _) = CreateSut(new RateLimitOptions { WritesPerClient = 3, WritesPerHost = 100 });
        clock.AdvanceSeconds(15);

        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        }

        var refused = Assert.IsType<RateLimitDecision.Limited>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        Assert.Equal(RateLimitScope.Client, refused.Scope);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, Two, Ada, default));

        clock.AdvanceSeconds(45);
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
    }

    [Fact]
    public async Task CheckAsync_OverTheHostLimit_RefusesEveryClientOfThatHostOnly()
    {
        var (sut, _, _) = CreateSut(new RateLimitOptions { WritesPerClient = 100, WritesPerHost = 2 });

        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, Two, Ada, default));

        var refused = Assert.IsType<RateLimitDecision.Limited>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        Assert.Equal(RateLimitScope.Host, refused.Scope);
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, HostSlug.Parse("grace"), default));
    }

    [Fact]
    public async Task CheckAsync_ClientRefused_DoesNotSpendTheHostsBudget()
    {
        var (sut, _, store) = CreateSut(new RateLimitOptions { WritesPerClient = 1, WritesPerHost = 5 });

        await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default);
        for (var i = 0; i < 10; i++)
        {
            await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default);
        }

        Assert.Equal(1, store.Rows[RateLimiter.KeyFor(RateLimitedAction.Write, RateLimitScope.Host, "ada")].Count);
        Assert.Equal(2, store.Writes);
    }

    [Fact]
    public async Task CheckAsync_ActionsCountSeparately()
    {
        var (sut, _, _) = CreateSut(new RateLimitOptions { WritesPerClient = 1, SlotQueriesPerClient = 2 });

        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.SlotQuery, One, Ada, default));
        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.SlotQuery, One, Ada, default));
        Assert.IsType<RateLimitDecision.Limited>(await sut.CheckAsync(RateLimitedAction.SlotQuery, One, Ada, default));
    }

    [Fact]
    public async Task CheckAsync_Disabled_CountsNothing()
    {
        var (sut, _, store) = CreateSut(new RateLimitOptions { Enabled = false, WritesPerClient = 1 });

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, Ada, default));
        }

        Assert.Empty(store.Rows);
    }

    [Fact]
    public async Task CheckAsync_LostRace_ReadsAgainAndCountsOnce()
    {
        var (sut, _, store) = CreateSut(new RateLimitOptions { WritesPerClient = 5 });
        store.FailNextWrites = 2;

        Assert.IsType<RateLimitDecision.Allowed>(await sut.CheckAsync(RateLimitedAction.Write, One, null, default));

        Assert.Equal(1, store.Rows[RateLimiter.KeyFor(RateLimitedAction.Write, RateLimitScope.Client, One.Value)].Count);
    }

    [Fact]
    public async Task CheckAsync_CounterContendedOnEveryAttempt_IsLimitedForASecondNotAFailure()
    {
        var (sut, _, store) = CreateSut(new RateLimitOptions { WritesPerClient = 5 });
        store.FailNextWrites = int.MaxValue;

        var decision = await sut.CheckAsync(RateLimitedAction.Write, One, null, default);

        var limited = Assert.IsType<RateLimitDecision.Limited>(decision);
        Assert.Equal((RateLimitScope.Client, TimeSpan.FromSeconds(1)), (limited.Scope, limited.RetryAfter));
        Assert.Empty(store.Rows);
    }

    [Fact]
    public void Decide_CounterOfAnEarlierWindow_StartsFromZero()
    {
        var old = new RateCounter(Noon - Duration.FromMinutes(1), 99);

        var step = RateLimiter.Decide(old, Noon + Duration.FromSeconds(5), Duration.FromMinutes(1), limit: 10);

        Assert.Equal(new RateCounter(Noon, 1), step.Next);
        Assert.Null(step.RetryAfter);
    }

    [Fact]
    public void Decide_AtTheLimitInTheLastMoment_WaitsAtLeastOneSecond()
    {
        var step = RateLimiter.Decide(new RateCounter(Noon, 10), Noon + Duration.FromMilliseconds(59_900), Duration.FromMinutes(1), limit: 10);

        Assert.Null(step.Next);
        Assert.Equal(TimeSpan.FromSeconds(1), step.RetryAfter);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "v6:2001:db8:1:2::-64")]
    [InlineData("2001:db8:1:2::1", "v6:2001:db8:1:2::-64")]
    public void ClientAddress_From_GroupsIpv6By64(string address, string expected)
    {
        Assert.Equal(expected, ClientAddress.From(IPAddress.Parse(address)).Value);
    }

    [Fact]
    public void ClientAddress_From_NullIsUnknown()
    {
        Assert.Same(ClientAddress.Unknown, ClientAddress.From(null));
    }

    [Fact]
    public void Options_Validate_NamesEveryBadSetting()
    {
        var errors = new RateLimitOptions { WindowSeconds = 0, WritesPerClient = 0, SlotQueriesPerHost = -1 }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Schedly:RateLimits:WindowSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:RateLimits:WritesPerClient", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:RateLimits:SlotQueriesPerHost", StringComparison.Ordinal));
        Assert.Empty(new RateLimitOptions().Validate());
    }

    private static (RateLimiter Sut, FakeClock Clock, FakeRateCounterStore Store) CreateSut(RateLimitOptions options)
    {
        var clock = new FakeClock(Noon);
        var store = new FakeRateCounterStore();
        return (new RateLimiter(store, options, clock), clock, store);
    }

    private sealed class FakeRateCounterStore : IRateCounterStore
    {
        private readonly Dictionary<string, int> _versions = [];

        public Dictionary<string, RateCounter> Rows { get; } = [];

        public int Writes { get; private set; }

        public int FailNextWrites { get; set; }

        public Task<Versioned<RateCounter>?> FindAsync(string key, Instant windowStart, CancellationToken cancellationToken) =>
            Task.FromResult(Rows.TryGetValue(key, out var row) ? new Versioned<RateCounter>(row, _versions[key].ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

        public Task<bool> TrySaveAsync(string key, RateCounter counter, string? version, CancellationToken cancellationToken)
        {
            if (FailNextWrites > 0)
            {
                FailNextWrites--;
                return Task.FromResult(false);
            }

            var current = _versions.TryGetValue(key, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != version)
            {
                return Task.FromResult(false);
            }

            Rows[key] = counter;
            _versions[key] = _versions.GetValueOrDefault(key) + 1;
            Writes++;
            return Task.FromResult(true);
        }
    }
}
