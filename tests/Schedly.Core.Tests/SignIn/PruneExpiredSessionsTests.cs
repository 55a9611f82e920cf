using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.SignIn;

public sealed class PruneExpiredSessionsTests
{
    private readonly FakeSignInStore _store = new();
    private readonly FakeClock _clock = new(Sample.Now);

    private PruneExpiredSessions CreateSut() => new(_store, _clock);

    [Fact]
    public async Task ExecuteAsync_DeletesExpiredSessionsAndKeepsLiveOnes()
    {
        await SaveAsync("ss_expired", Sample.Now - Duration.FromDays(1));
        await SaveAsync("ss_at_now", Sample.Now);
        await SaveAsync("ss_live", Sample.Now + Duration.FromHours(1));

        var pruned = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(
            new[] { ApiKeyHash.Of("ss_at_now").Hex, ApiKeyHash.Of("ss_live").Hex }.Order(StringComparer.Ordinal),
            _store.Sessions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_AsTheClockPassesAnEnd_PrunesThatSessionOnTheNextRun()
    {
        await SaveAsync("ss_live", Sample.Now + Duration.FromHours(1));
        Assert.Equal(0, await CreateSut().ExecuteAsync(CancellationToken.None));

        _clock.Advance(Duration.FromHours(1) + Duration.FromTicks(1));

        Assert.Equal(1, await CreateSut().ExecuteAsync(CancellationToken.None));
        Assert.Empty(_store.Sessions);
    }

    private Task SaveAsync(string id, Instant expiresAt) =>
        _store.SaveSessionAsync(new HostSession(ApiKeyHash.Of(id), Sample.HostSlug, expiresAt - Duration.FromDays(14), expiresAt), CancellationToken.None);
}
