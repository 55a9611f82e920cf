using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;
using Schedly.Core.Tests.Scheduling;

namespace Schedly.Core.Tests.Teams;

/// <summary>
/// Team slots against the members' own: a collective time is free for every member, a round-robin time for at least
/// one, and nothing a member (or every member) offers is missing.
/// </summary>
public sealed class TeamSlotsProperties
{
    /// <summary>
    /// A random scenario's host plus 1–4 more members with the same weekly hours read in their own zone and a random
    /// part of the first member's bookings (so members overlap often, but not always).
    /// </summary>
    public sealed record TeamScenario(SlotScenario Lead, IReadOnlyList<SlotContext> Members)
    {
        public override string ToString() => $"{Lead} members=[{string.Join("; ", Members.Select(m => $"{m.HostZone.Id} bookings {m.Bookings.Count}"))}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<TeamScenario> Teams() =>
            Arb.From(from lead in SlotScenarioArbitrary.ScenarioGen()
                     from extra in Gen.Choose(1, 4)
                     from zones in Gen.ArrayOf(Gen.Elements(SlotScenarioArbitrary.ZoneIds), extra)
                     from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), extra)
                     select new TeamScenario(lead, [lead.Context, .. zones.Select((zone, i) => Member(lead, zone, seeds[i]))]));

        private static SlotContext Member(SlotScenario lead, string zone, int seed)
        {
            var random = new Random(seed);
            return lead.Context with
            {
                HostZone = DateTimeZoneProviders.Tzdb[zone],
                Bookings = [.. lead.Bookings.Where(_ => random.Next(2) == 0)],
            };
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public void Collective_EveryTimeIsFreeForEveryMember_AndNoCommonTimeIsMissing(TeamScenario team)
    {
        var (dates, zone, now) = QueryOf(team.Lead);
        var slots = TeamSlots.Compute(team.Members, TeamAssignment.Collective, dates, zone, now).AllStarts().ToArray();

        Assert.All(slots, start => Assert.All(team.Members, member => Assert.True(SlotEngine.IsOffered(member, start, now))));
        var common = team.Members.Select(m => SlotEngine.Compute(m, dates, zone, now).AllStarts().ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        Assert.Equal(common.Order(), slots);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public void RoundRobin_EveryTimeIsFreeForSomeMember_AndEveryMembersTimeIsOffered(TeamScenario team)
    {
        var (dates, zone, now) = QueryOf(team.Lead);
        var slots = TeamSlots.Compute(team.Members, TeamAssignment.RoundRobin, dates, zone, now).AllStarts().ToArray();

        Assert.All(slots, start => Assert.Contains(team.Members, member => SlotEngine.IsOffered(member, start, now)));
        var any = team.Members.SelectMany(m => SlotEngine.Compute(m, dates, zone, now).AllStarts()).Distinct().Order();
        Assert.Equal(any, slots);
    }

    private static (DateInterval Dates, DateTimeZone Zone, Instant Now) QueryOf(SlotScenario scenario) =>
        (new DateInterval(scenario.Query.Start, scenario.Query.End), scenario.Query.TimeZone, scenario.Now);
}
