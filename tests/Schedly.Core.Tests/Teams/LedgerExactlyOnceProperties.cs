using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Teams;

/// <summary>
/// Each round-robin booking's <see cref="LedgerChange"/> reaches the ledger by its request (which may die first) and by
/// its outbox event (delivered one or more times, late, in any order): the ledger ends as if each booking had been
/// applied exactly once.
/// </summary>
public sealed class LedgerExactlyOnceProperties
{
    private static readonly HostSlug[] Members = [.. Enumerable.Range(0, 4).Select(i => HostSlug.Parse($"member-{i}"))];

    [Property(MaxTest = 200)]
    public void RequestsThatDie_AndEventsDeliveredAgain_CountEachBookingOnce(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var team = Members.Select(m => new TeamMember(m, 0, random.Next(1, 100))).ToArray();
        var stored = FairnessLedger.Empty;
        var once = FairnessLedger.Empty;
        var deliveries = new List<(LedgerChange Change, string Id)>();
        var now = Instant.FromUtc(2027, 1, 4, 9, 0);
        for (var booking = 0; booking < 60; booking++)
        {
            var before = stored;
            var decision = RoundRobin.Choose([.. team.Where(_ => random.Next(3) > 0).DefaultIfEmpty(team[0])], before, $"key-{booking}", now);
            var change = LedgerChange.Between(before, decision.LedgerAfter);
            var id = $"{decision.Chosen.Value}--booking{booking}";
            once = once.Apply(change, id);
            if (random.Next(4) > 0)
            {
                stored = stored.Apply(change, id); // the request lived to write it
            }

            // Its event: delivered one to three times, each some time later.
            deliveries.AddRange(Enumerable.Repeat((change, id), random.Next(1, 4)));
            while (deliveries.Count > 0 && random.Next(2) == 0)
            {
                var next = random.Next(deliveries.Count);
                stored = stored.Apply(deliveries[next].Change, deliveries[next].Id);
                deliveries.RemoveAt(next);
            }

            now += Duration.FromMinutes(30);
        }

        foreach (var (change, id) in deliveries.OrderBy(_ => random.Next()))
        {
            stored = stored.Apply(change, id);
        }

        Assert.Equal(once.Standings, stored.Standings);
        Assert.Equal(0, stored.TotalCredit);
        Assert.Equal(60, stored.AppliedBookings.Count);
    }

    [Fact]
    public void Apply_OfTheDecidedLedger_IsTheDecisionsLedger_AndRemembersTheBooking()
    {
        var team = Members.Select(m => new TeamMember(m, 0, 10)).ToArray();
        var decision = RoundRobin.Choose(team, FairnessLedger.Empty, "key", Instant.FromUtc(2027, 1, 4, 9, 0));
        var change = LedgerChange.Between(FairnessLedger.Empty, decision.LedgerAfter);

        var written = FairnessLedger.Empty.Apply(change, "member-0--abc");

        Assert.Equal(decision.LedgerAfter.Standings, written.Standings);
        Assert.Equal(0, change.TotalCredit);
        Assert.True(written.HasApplied("member-0--abc"));
        Assert.Same(written, written.Apply(change, "member-0--abc"));
    }

    [Fact]
    public void Ledger_RemembersOnlyTheLatestBookings()
    {
        var change = new LedgerChange([new LedgerEntryChange(Members[0], 0, null)]);
        var ledger = FairnessLedger.Empty;
        for (var i = 0; i < FairnessLedger.RememberedBookings + 20; i++)
        {
            ledger = ledger.Apply(change, $"booking-{i}");
        }

        Assert.Equal(FairnessLedger.RememberedBookings, ledger.AppliedBookings.Count);
        Assert.False(ledger.HasApplied("booking-19"));
        Assert.True(ledger.HasApplied("booking-20"));
        Assert.Equal($"booking-{FairnessLedger.RememberedBookings + 19}", ledger.AppliedBookings[^1]);
    }
}
