using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using Schedly.AzureStorage.SignIn;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.SignIn;

/// <summary>
/// <see cref="PruneExpiredSessions"/> over the real <c>sessions</c> table on Azurite: rows whose end has passed are
/// deleted, live ones stay and still sign in.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class SessionPruningTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task Prune_DeletesTheExpiredRowsAndKeepsTheLiveOnes()
    {
        var store = new TableSignInStore(new TableServiceClient(app.Azurite.ConnectionString));
        // A day ahead: the sessions other tests made (14 days long) stay live; ours straddle this moment.
        var now = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(1);
        var expired = new HostSession(ApiKeyHash.Of("ss_" + Guid.NewGuid().ToString("N")), HostSlug.Parse("prune-host"), now - Duration.FromDays(15), now - Duration.FromMinutes(1));
        var live = new HostSession(ApiKeyHash.Of("ss_" + Guid.NewGuid().ToString("N")), HostSlug.Parse("prune-host"), now - Duration.FromDays(1), now + Duration.FromDays(13));
        await store.SaveSessionAsync(expired, CancellationToken.None);
        await store.SaveSessionAsync(live, CancellationToken.None);

        var pruned = await new PruneExpiredSessions(store, new FakeClock(now)).ExecuteAsync(CancellationToken.None);

        Assert.True(pruned >= 1);
        Assert.Null(await store.FindSessionAsync(expired.IdHash, CancellationToken.None));
        Assert.Equal(live.Host, (await store.FindSessionAsync(live.IdHash, CancellationToken.None))?.Host);
    }
}
