using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;

namespace Schedly.Core.Tests.Teams.Collective;

public sealed class CollectiveIdsTests
{
    private static readonly TeamSlug Team = TeamSlug.TryParse("advisors", out var team) ? team : throw new InvalidOperationException();

    [Fact]
    public void New_WithAKey_IsTheSameForARetry_AndNamesTheTeam()
    {
        var first = CollectiveIds.New(Team, "key-hash");

        Assert.Equal(first, CollectiveIds.New(Team, "key-hash"));
        Assert.NotEqual(first, CollectiveIds.New(Team, "other-key"));
        Assert.NotEqual(CollectiveIds.New(Team, null), CollectiveIds.New(Team, null));
        Assert.Equal(Team, CollectiveIds.TeamOf(first));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("advisors")]
    [InlineData("advisors--short")]
    [InlineData("Advisors--0123456789abcdef0123456789abcdef")]
    [InlineData("advisors--0123456789abcdef0123456789abcdeg")]
    public void TryParse_SomethingElse_IsFalse(string? id) => Assert.False(CollectiveIds.TryParse(id, out _, out _));

    [Fact]
    public void HoldId_IsDerivedPerMember_AndParsesAsABookingId()
    {
        var id = CollectiveIds.New(Team, null);
        var ada = HostSlug.Parse("ada");

        var hold = CollectiveHolds.HoldId(ada, id);

        Assert.Equal(hold, CollectiveHolds.HoldId(ada, id));
        Assert.NotEqual(hold, CollectiveHolds.HoldId(HostSlug.Parse("bob"), id));
        Assert.True(BookingId.TryParse(hold.Value, out var parsed));
        Assert.Equal(hold, parsed);
    }
}
