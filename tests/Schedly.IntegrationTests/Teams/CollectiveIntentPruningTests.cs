using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Teams;

/// <summary>The daily housekeeping of collective intents on Azurite: those of meetings over for 30 days go, the rest stay.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class CollectiveIntentPruningTests(SchedlyAppFixture app)
{
    private T Service<T>()
        where T : notnull => app.Runner.Services.GetRequiredService<T>();

    [Fact]
    public async Task IntentsOfMeetingsOverFor30Days_AreDeleted_OthersStay()
    {
        var intents = Service<ICollectiveIntents>();
        var team = TeamSlug.TryParse(SchedlyAppFixture.UniqueSlug("pruned"), out var slug) ? slug : throw new InvalidOperationException();
        var now = SystemClock.Instance.GetCurrentInstant();
        var members = new[] { HostSlug.Parse("ada"), HostSlug.Parse("grace") };
        CollectiveIntent Intent(Duration endedAgo, CollectiveState state) =>
            new(CollectiveIds.New(team, null), now - endedAgo - Duration.FromHours(1), now - endedAgo, members, now - endedAgo, state);
        var old = Intent(Duration.FromDays(31), CollectiveState.Completed);
        var oldRolledBack = Intent(Duration.FromDays(40), CollectiveState.RolledBack);
        var recent = Intent(Duration.FromDays(29), CollectiveState.Completed);
        var upcoming = Intent(-Duration.FromDays(3), CollectiveState.Completed);
        foreach (var intent in new[] { old, oldRolledBack, recent, upcoming })
        {
            await intents.CreateAsync(intent, default);
        }

        var pruned = await Service<PruneCollectiveIntents>().ExecuteAsync(default);

        Assert.True(pruned >= 2, $"pruned {pruned}");
        Assert.Null(await intents.ReadAsync(old.Id, default));
        Assert.Null(await intents.ReadAsync(oldRolledBack.Id, default));
        Assert.NotNull(await intents.ReadAsync(recent.Id, default));
        Assert.NotNull(await intents.ReadAsync(upcoming.Id, default));
        Assert.Equal(0, await Service<PruneCollectiveIntents>().ExecuteAsync(default));
        await intents.DeleteAsync(old.Id, default); // gone already: nothing happens
    }
}
