using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Teams;

public sealed class RoundRobinTests
{
    private static readonly Instant _now = Instant.FromUtc(2027, 1, 4, 9, 0);
    private static readonly TeamMember _ada = new(HostSlug.Parse("ada"), 0, 100);
    private static readonly TeamMember _bob = new(HostSlug.Parse("bob"), 0, 100);
    private static readonly TeamMember _cy = new(HostSlug.Parse("cy"), 0, 100);

    [Fact]
    public void OneFreeMember_GetsIt()
    {
        var decision = RoundRobin.Choose([_bob], FairnessLedger.Empty, "k", _now);

        Assert.Equal(_bob.Host, decision.Chosen);
        Assert.Equal(AssignmentReason.OnlyFreeMember, decision.Reason);
        Assert.Equal(0, decision.LedgerAfter.StandingOf(_bob.Host).Credit);
    }

    [Fact]
    public void HigherPriority_WinsOverMoreCredit_AndLowerTierEarnsNothing()
    {
        var senior = new TeamMember(HostSlug.Parse("senior"), 2, 100);
        var ledger = FairnessLedger.From([new(_ada.Host, new MemberStanding(5 * FairnessLedger.CreditPerBooking, null)), new(senior.Host, new MemberStanding(-5 * FairnessLedger.CreditPerBooking, null))]);

        var decision = RoundRobin.Choose([_ada, senior], ledger, "k", _now);

        Assert.Equal(senior.Host, decision.Chosen);
        Assert.Equal(AssignmentReason.Priority, decision.Reason);
        Assert.Equal(5 * FairnessLedger.CreditPerBooking, decision.LedgerAfter.StandingOf(_ada.Host).Credit);
        Assert.False(decision.Candidates.Single(c => c.Host == _ada.Host).Competed);
    }

    [Fact]
    public void MostCredit_Wins_AndSpendsOneBooking()
    {
        var ledger = FairnessLedger.From([new(_ada.Host, new MemberStanding(-FairnessLedger.CreditPerBooking / 2, _now)), new(_bob.Host, new MemberStanding(FairnessLedger.CreditPerBooking / 2, _now))]);

        var decision = RoundRobin.Choose([_ada, _bob], ledger, "k", _now + Duration.FromHours(1));

        Assert.Equal(_bob.Host, decision.Chosen);
        Assert.Equal(AssignmentReason.MostCredit, decision.Reason);
        Assert.Equal(0, decision.LedgerAfter.StandingOf(_ada.Host).Credit);
        Assert.Equal(0, decision.LedgerAfter.StandingOf(_bob.Host).Credit);
        Assert.Equal(_now + Duration.FromHours(1), decision.LedgerAfter.StandingOf(_bob.Host).LastBookedAt);
    }

    [Fact]
    public void EqualCredit_LeastRecentlyBookedWins_NeverBookedFirst()
    {
        var ledger = FairnessLedger.From([new(_ada.Host, new MemberStanding(0, _now + Duration.FromHours(-1))), new(_bob.Host, new MemberStanding(0, _now + Duration.FromHours(-2)))]);

        Assert.Equal(_bob.Host, RoundRobin.Choose([_ada, _bob], ledger, "k", _now).Chosen);
        var withNewcomer = RoundRobin.Choose([_ada, _bob, _cy], ledger, "k", _now);
        Assert.Equal(_cy.Host, withNewcomer.Chosen);
        Assert.Equal(AssignmentReason.LeastRecentlyBooked, withNewcomer.Reason);
    }

    [Fact]
    public void EverythingEqual_TheKeyDecides_AndBothMembersCanWin()
    {
        var winners = Enumerable.Range(0, 40).Select(i => RoundRobin.Choose([_ada, _bob], FairnessLedger.Empty, $"key-{i}", _now)).ToArray();

        Assert.All(winners, d => Assert.Equal(AssignmentReason.TieBreak, d.Reason));
        Assert.Equal(2, winners.Select(d => d.Chosen).Distinct().Count());
    }

    [Fact]
    public void Newcomer_GetsTheirShareFromNowOn_NotEveryBooking()
    {
        var ledger = FairnessLedger.Empty;
        for (var i = 0; i < 1000; i++)
        {
            ledger = RoundRobin.Choose([_ada, _bob], ledger, $"before-{i}", _now + Duration.FromMinutes(i)).LedgerAfter;
        }

        var counts = new Dictionary<HostSlug, int> { [_ada.Host] = 0, [_bob.Host] = 0, [_cy.Host] = 0 };
        for (var i = 0; i < 300; i++)
        {
            var decision = RoundRobin.Choose([_ada, _bob, _cy], ledger, $"after-{i}", _now + Duration.FromDays(1) + Duration.FromMinutes(i));
            counts[decision.Chosen]++;
            ledger = decision.LedgerAfter;
        }

        Assert.All(counts.Values, count => Assert.InRange(count, 99, 101));
    }

    [Fact]
    public void AbsentMember_EarnsNothingWhileAway_AndIsNotFloodedOnReturn()
    {
        var ledger = FairnessLedger.Empty;
        for (var i = 0; i < 500; i++)
        {
            ledger = RoundRobin.Choose([_ada, _bob], ledger, $"away-{i}", _now + Duration.FromMinutes(i)).LedgerAfter;
        }

        Assert.Equal(0, ledger.StandingOf(_cy.Host).Credit);
        var cyCount = Enumerable.Range(0, 30).Aggregate((ledger, count: 0), (state, i) =>
        {
            var decision = RoundRobin.Choose([_ada, _bob, _cy], state.ledger, $"back-{i}", _now + Duration.FromDays(1) + Duration.FromMinutes(i));
            return (decision.LedgerAfter, state.count + (decision.Chosen == _cy.Host ? 1 : 0));
        }).count;
        Assert.InRange(cyCount, 9, 11);
    }
}
