using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Teams;

/// <summary>Round-robin over long runs: credit is conserved, the weights are honoured, and the choice is reproducible.</summary>
public sealed class RoundRobinProperties
{
    private const int Bookings = 10_000;

    /// <summary>A team (2–8 members, weights 1–1000, priorities 0–2) and a seed for who is free at each booking.</summary>
    public sealed record TeamRun(TeamMember[] Members, int Seed)
    {
        public override string ToString() =>
            $"seed={Seed} members=[{string.Join(", ", Members.Select(m => $"{m.Host}:p{m.Priority}/w{m.Weight}"))}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<TeamRun> Runs() =>
            Arb.From(from count in Gen.Choose(2, 8)
                     from weights in Gen.ArrayOf(Gen.Choose(TeamMember.MinWeight, TeamMember.MaxWeight), count)
                     from priorities in Gen.ArrayOf(Gen.Choose(0, 2), count)
                     from seed in Gen.Choose(0, int.MaxValue)
                     select new TeamRun(
                         [.. Enumerable.Range(0, count).Select(i => new TeamMember(HostSlug.Parse($"member-{i}"), priorities[i], weights[i]))],
                         seed));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(Arbitraries)])]
    public void EveryBooking_GoesToAFreeMemberOfTheTopTier_AndCreditsSumToZero(TeamRun run)
    {
        var random = new Random(run.Seed);
        var ledger = FairnessLedger.Empty;
        var now = Instant.FromUtc(2027, 1, 4, 9, 0);
        for (var i = 0; i < 500; i++)
        {
            var free = RandomFree(run.Members, random);
            var decision = RoundRobin.Choose(free, ledger, $"key-{i}", now);

            var chosen = Assert.Single(free, m => m.Host == decision.Chosen);
            Assert.Equal(free.Max(m => m.Priority), chosen.Priority);
            Assert.Equal(free.Length, decision.Candidates.Count);
            Assert.Equal(0, decision.LedgerAfter.TotalCredit);
            Assert.Equal(now, decision.LedgerAfter.StandingOf(decision.Chosen).LastBookedAt);
            ledger = decision.LedgerAfter;
            now += Duration.FromMinutes(30);
        }
    }

    [Property(MaxTest = 10, Arbitrary = [typeof(Arbitraries)])]
    public void AllMembersAlwaysFree_TenThousandBookings_SharesWithinFivePercentOfTheWeights(TeamRun run)
    {
        var members = run.Members.Select(m => new TeamMember(m.Host, 0, m.Weight)).ToArray();
        var counts = Simulate(members, _ => members);

        var totalWeight = members.Sum(m => (double)m.Weight);
        foreach (var member in members)
        {
            var expected = Bookings * member.Weight / totalWeight;
            Assert.InRange(counts[member.Host], expected - Math.Max(0.05 * expected, 1), expected + Math.Max(0.05 * expected, 1));
        }
    }

    [Property(MaxTest = 10, Arbitrary = [typeof(Arbitraries)])]
    public void MembersFreeAtRandom_EachGetsTheirWeightedShareOfTheChancesTheyHad(TeamRun run)
    {
        var members = run.Members.Select(m => new TeamMember(m.Host, 0, m.Weight)).ToArray();
        var random = new Random(run.Seed);
        var expected = members.ToDictionary(m => m.Host, _ => 0.0);
        var counts = Simulate(members, _ =>
        {
            var free = RandomFree(members, random);
            var weight = free.Sum(m => (double)m.Weight);
            foreach (var member in free)
            {
                expected[member.Host] += member.Weight / weight;
            }

            return free;
        });

        foreach (var member in members)
        {
            var tolerance = Math.Max(0.05 * expected[member.Host], 2);
            Assert.InRange(counts[member.Host], expected[member.Host] - tolerance, expected[member.Host] + tolerance);
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(Arbitraries)])]
    public void SameLedgerAndKey_SameDecision(TeamRun run, NonEmptyString key)
    {
        var random = new Random(run.Seed);
        var free = RandomFree(run.Members, random);
        var now = Instant.FromUtc(2027, 1, 4, 9, 0);

        var first = RoundRobin.Choose(free, FairnessLedger.Empty, key.Get, now);
        var again = RoundRobin.Choose([.. free.Reverse()], FairnessLedger.Empty, key.Get, now);

        Assert.Equal(first.Chosen, again.Chosen);
        Assert.Equal(first.Reason, again.Reason);
    }

    private static Dictionary<HostSlug, int> Simulate(TeamMember[] members, Func<int, IReadOnlyList<TeamMember>> freeAt)
    {
        var counts = members.ToDictionary(m => m.Host, _ => 0);
        var ledger = FairnessLedger.Empty;
        var now = Instant.FromUtc(2027, 1, 4, 9, 0);
        for (var i = 0; i < Bookings; i++)
        {
            var decision = RoundRobin.Choose(freeAt(i), ledger, $"key-{i}", now);
            counts[decision.Chosen]++;
            ledger = decision.LedgerAfter;
            now += Duration.FromMinutes(15);
        }

        return counts;
    }

    /// <summary>A non-empty random subset of the members, each free with a probability of its own (20–100 %).</summary>
    private static TeamMember[] RandomFree(TeamMember[] members, Random random)
    {
        var free = members.Where((m, i) => random.NextDouble() < 0.2 + (0.8 * ((i + 1.0) / members.Length))).ToArray();
        return free.Length > 0 ? free : [members[random.Next(members.Length)]];
    }
}
