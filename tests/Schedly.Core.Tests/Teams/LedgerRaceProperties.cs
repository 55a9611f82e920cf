using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Teams;

/// <summary>
/// The stored ledger under racing bookings: each decision is made on the ledger its request read, and written with
/// <see cref="FairnessLedger.Plus"/> onto whatever ledger won meanwhile (the ETag retry of <c>BookTeam</c>).
/// </summary>
public sealed class LedgerRaceProperties
{
    private static readonly HostSlug[] Members = [.. Enumerable.Range(0, 4).Select(i => HostSlug.Parse($"member-{i}"))];

    [Property(MaxTest = 200)]
    public void DecisionsAppliedToAMovedLedger_KeepCreditsSummingToZero_AndCountEveryBooking(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var team = Members.Select(m => new TeamMember(m, 0, random.Next(1, 100))).ToArray();
        var stored = FairnessLedger.Empty;
        var now = Instant.FromUtc(2027, 1, 4, 9, 0);
        var assigned = Members.ToDictionary(m => m.Value, _ => 0);
        for (var round = 0; round < 50; round++)
        {
            // Up to three requests read the same stored ledger, decide, then write one after another.
            var readers = random.Next(1, 4);
            var decisions = Enumerable.Range(0, readers)
                .Select(i => RoundRobin.Choose([.. team.Where(_ => random.Next(3) > 0).DefaultIfEmpty(team[0])], stored, $"key-{round}-{i}", now))
                .ToList();
            var before = stored;
            foreach (var decision in decisions)
            {
                stored = stored.Plus(before, decision.LedgerAfter);
                assigned[decision.Chosen.Value]++;
            }

            now += Duration.FromMinutes(30);
            Assert.Equal(0, stored.TotalCredit);
        }

        // Each booking spent exactly one booking's credit from its member, whoever won the write.
        var earned = stored.Standings.Sum(s => s.Value.Credit + (assigned[s.Key] * FairnessLedger.CreditPerBooking));
        Assert.Equal(assigned.Values.Sum() * FairnessLedger.CreditPerBooking, earned);
    }

    [Fact]
    public void Plus_OnTheLedgerDecidedOn_IsTheDecisionsLedger()
    {
        var team = Members.Select(m => new TeamMember(m, 0, 10)).ToArray();
        var decision = RoundRobin.Choose(team, FairnessLedger.Empty, "key", Instant.FromUtc(2027, 1, 4, 9, 0));

        var written = FairnessLedger.Empty.Plus(FairnessLedger.Empty, decision.LedgerAfter);

        Assert.Equal(decision.LedgerAfter.Standings, written.Standings);
    }
}
