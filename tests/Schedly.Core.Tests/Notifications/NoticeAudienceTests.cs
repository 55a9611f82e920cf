using FsCheck;
using FsCheck.Xunit;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Notifications;

/// <summary>A collective booking tells its client once, through the lead's booking; every member hears about their own.</summary>
public sealed class NoticeAudienceTests
{
    [Fact]
    public void Reaches_HostsOwnBooking_ClientAndHost()
    {
        var booking = Sample.Booking();

        Assert.True(NoticeAudience.Reaches(booking, NoticeRecipient.Client));
        Assert.True(NoticeAudience.Reaches(booking, NoticeRecipient.Host));
        Assert.Empty(NoticeAudience.OtherHosts(booking));
    }

    [Fact]
    public void Reaches_RoundRobinBooking_ClientAndHost()
    {
        var decision = RoundRobin.Choose([new TeamMember(Sample.HostSlug, 0, 1)], FairnessLedger.Empty, "key", Sample.Now);
        var booking = Sample.Booking() with { Team = TeamBooking.RoundRobin(TeamSlug.TryParse("advisors", out var team) ? team : throw new InvalidOperationException(), decision, FairnessLedger.Empty) };

        Assert.Null(booking.Team.Lead);
        Assert.True(NoticeAudience.Reaches(booking, NoticeRecipient.Client));
        Assert.Empty(NoticeAudience.OtherHosts(booking));
    }

    [Fact]
    public void Reaches_Collective_OnlyTheOrdinalFirstMembersBookingReachesTheClient()
    {
        string[] hosts = ["grace", "ada", "alan"];

        var reachClient = hosts.Where(h => NoticeAudience.Reaches(CollectiveSample.MemberBooking(h, hosts), NoticeRecipient.Client));

        Assert.Equal(["ada"], reachClient);
        Assert.All(hosts, h => Assert.True(NoticeAudience.Reaches(CollectiveSample.MemberBooking(h, hosts), NoticeRecipient.Host)));
    }

    [Fact]
    public void CollectiveLead_IsOrdinal_NotCultureOrder()
    {
        // Ordinal: compared by code unit, so '-' (0x2D) sorts before '1' (0x31) and both before letters.
        var lead = TeamBooking.CollectiveLead([HostSlug.Parse("ada1"), HostSlug.Parse("ada-b"), HostSlug.Parse("adam")]);

        Assert.Equal("ada-b", lead.Value);
    }

    [Fact]
    public void OtherHosts_Collective_EveryMemberButTheBookingsOwn_InTheTeamsOrder()
    {
        var booking = CollectiveSample.MemberBooking("alan", "ada", "alan", "grace");

        Assert.Equal(["ada", "grace"], NoticeAudience.OtherHosts(booking).Select(h => h.Value));
    }

    /// <summary>
    /// For any team, exactly one member's booking speaks to the client: the one <c>BookTeam</c> answers the 201 with
    /// (<see cref="TeamBooking.CollectiveLead"/>); every member's host is told, and names exactly the others.
    /// </summary>
    [Property(MaxTest = 200)]
    public void Collective_ExactlyOneBookingReachesTheClient_ItIsTheLead_AndEveryHostIsTold(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var hosts = RandomSlugs(random, random.Next(1, 9));
        var bookings = hosts.Select(h => CollectiveSample.MemberBooking(h, hosts)).ToList();

        var toClient = Assert.Single(bookings, b => NoticeAudience.Reaches(b, NoticeRecipient.Client));

        Assert.Equal(TeamBooking.CollectiveLead(hosts.Select(HostSlug.Parse)), toClient.Id.Host);
        Assert.Equal(hosts.Min(StringComparer.Ordinal), toClient.Id.Host.Value);
        Assert.All(bookings, b => Assert.True(NoticeAudience.Reaches(b, NoticeRecipient.Host)));
        Assert.All(bookings, b => Assert.Equal(hosts.Where(h => h != b.Id.Host.Value).Order(StringComparer.Ordinal), NoticeAudience.OtherHosts(b).Select(h => h.Value).Order(StringComparer.Ordinal)));
    }

    private static string[] RandomSlugs(Random random, int count)
    {
        const string alphabet = "ab-1z9";
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        while (slugs.Count < count)
        {
            var candidate = new string([.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (HostSlug.TryParse(candidate, out _))
            {
                slugs.Add(candidate);
            }
        }

        return [.. slugs.OrderBy(_ => random.Next())];
    }
}
