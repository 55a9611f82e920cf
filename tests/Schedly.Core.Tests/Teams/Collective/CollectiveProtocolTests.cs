using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Hosts;
using Schedly.Core.Teams.Collective;

namespace Schedly.Core.Tests.Teams.Collective;

/// <summary>
/// The collective protocol under crashes and races: whatever happens, once recovery has run every member has the
/// booking confirmed exactly once, or no member has anything of it; no hold is left behind; no member is double-booked.
/// </summary>
public sealed class CollectiveProtocolTests
{
    private static readonly Instant _start = Instant.FromUtc(2027, 3, 1, 14, 0);
    private static readonly HostSlug[] _team = [HostSlug.Parse("ada"), HostSlug.Parse("bob"), HostSlug.Parse("cy")];
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 2, 1, 9, 0));

    [Fact]
    public async Task AllFree_Booked_EveryMemberConfirmedOnce()
    {
        var store = new InMemoryCollectiveStore();
        var intent = NewIntent("b1", _team);

        Assert.Equal(CollectiveOutcome.Booked, await new BookCollective(store, _clock).BookAsync(intent, default));

        Assert.Equal(CollectiveState.Completed, store.StateOf("b1"));
        AssertAllOrNothing(store, intent, expectBooked: true);
    }

    [Fact]
    public async Task OneMemberBusy_Unavailable_NoMemberKeepsAnything()
    {
        var store = new InMemoryCollectiveStore();
        store.AddBusy(_team[2], _start + Duration.FromMinutes(15), _start + Duration.FromMinutes(45));
        var intent = NewIntent("b1", _team);

        Assert.Equal(CollectiveOutcome.Unavailable, await new BookCollective(store, _clock).BookAsync(intent, default));

        Assert.Equal(CollectiveState.RolledBack, store.StateOf("b1"));
        AssertAllOrNothing(store, intent, expectBooked: false);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task CrashAtEveryStep_RecoveryLeavesAllOrNothing(bool lastMemberBusy, bool crashAfterEffect)
    {
        var steps = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var clock = new FakeClock(_clock.GetCurrentInstant());
            var store = new InMemoryCollectiveStore { CrashAt = crashAt, CrashAfterEffect = crashAfterEffect };
            if (lastMemberBusy)
            {
                store.AddBusy(_team[2], _start, _start + Duration.FromMinutes(30));
            }

            var intent = NewIntent($"crash-{crashAt}", _team, clock);
            CollectiveOutcome? outcome = null;
            try
            {
                outcome = await new BookCollective(store, clock).BookAsync(intent, default);
            }
            catch (InjectedCrashException)
            {
                steps++;
            }

            await RecoverFullyAsync(store, clock, intent.Id);

            var booked = store.StateOf(intent.Id) == CollectiveState.Completed;
            Assert.False(lastMemberBusy && booked);
            if (outcome is { } told)
            {
                Assert.Equal(told == CollectiveOutcome.Booked, booked);
            }

            AssertAllOrNothing(store, intent, booked);
            if (store.Operations < crashAt)
            {
                break; // the whole attempt and its recovery ran without reaching the crash point
            }
        }

        Assert.True(steps >= (lastMemberBusy ? 5 : 8), $"only {steps} crash points exercised");
    }

    [Fact]
    public async Task RecoveryBeforeExpiry_WaitsForTheRequest()
    {
        var store = new InMemoryCollectiveStore { CrashAt = 3 };
        var intent = NewIntent("slow", _team);
        await Assert.ThrowsAsync<InjectedCrashException>(() => new BookCollective(store, _clock).BookAsync(intent, default));

        var step = await new RecoverCollective(store, _clock).RunAsync(intent.Id, default);

        Assert.Equal(CollectiveState.Holding, step.State);
        Assert.Equal(intent.HoldsExpireAt, step.RunAgainAt);
        Assert.NotEmpty(store.CalendarSnapshot(_team[0]));
    }

    [Fact]
    public async Task RecoveryRacesTheCommit_ExactlyOneWins()
    {
        foreach (var recoveryFirst in new[] { true, false })
        {
            var clock = new FakeClock(_clock.GetCurrentInstant());
            var store = new InMemoryCollectiveStore();
            var intent = NewIntent($"race-{recoveryFirst}", _team, clock);
            var recovered = false;
            store.BeforeOperation = async name =>
            {
                // The request reads the intent to commit just as the holds expire and recovery runs.
                if (name == "read" && !recovered && store.CalendarSnapshot(_team[2]).Count == 1)
                {
                    recovered = true;
                    clock.Advance(BookCollective.HoldLifetime);
                    if (recoveryFirst)
                    {
                        store.BeforeOperation = null;
                        await new RecoverCollective(store, clock).RunAsync(intent.Id, default);
                    }
                }
            };

            var outcome = await new BookCollective(store, clock).BookAsync(intent, default);
            store.BeforeOperation = null;
            await RecoverFullyAsync(store, clock, intent.Id);

            Assert.Equal(recoveryFirst ? CollectiveOutcome.Unavailable : CollectiveOutcome.Booked, outcome);
            AssertAllOrNothing(store, intent, outcome == CollectiveOutcome.Booked);
        }
    }

    [Fact]
    public async Task HoldWrittenLateAfterRollback_ThenCrash_IsReleasedByTheLastPass()
    {
        var clock = new FakeClock(_clock.GetCurrentInstant());
        var store = new InMemoryCollectiveStore();
        var intent = NewIntent("late", _team, clock);
        var stalled = false;
        store.BeforeOperation = async name =>
        {
            // The request passed its expiry check for the last member, then stalled; recovery rolled back meanwhile.
            if (name == "hold cy" && !stalled)
            {
                stalled = true;
                clock.Advance(BookCollective.HoldLifetime);
                store.BeforeOperation = null;
                var first = await new RecoverCollective(store, clock).RunAsync(intent.Id, default);
                Assert.Equal(CollectiveState.RolledBack, first.State);
                Assert.NotNull(first.RunAgainAt);
                store.CrashAt = store.Operations + 2; // the late hold lands, then the process dies
                store.CrashAfterEffect = true;
            }
        };

        await Assert.ThrowsAsync<InjectedCrashException>(() => new BookCollective(store, clock).BookAsync(intent, default));
        Assert.Single(store.CalendarSnapshot(_team[2]));

        await RecoverFullyAsync(store, clock, intent.Id);
        AssertAllOrNothing(store, intent, expectBooked: false);
    }

    [Fact]
    public async Task OverlappingTeamsRacing_NeverBothBooked_NothingLeftHeld()
    {
        var ada = _team[0];
        var bob = _team[1];
        var cy = _team[2];
        var dee = HostSlug.Parse("dee");
        for (var round = 0; round < 200; round++)
        {
            var random = new Random(round);
            var store = new InMemoryCollectiveStore
            {
                BeforeOperation = async _ =>
                {
                    if (random.Next(3) == 0)
                    {
                        await Task.Yield();
                    }
                },
            };
            var first = NewIntent($"first-{round}", [ada, bob, cy]);
            var second = NewIntent($"second-{round}", [dee, cy, bob], start: _start + Duration.FromMinutes(random.Next(0, 2) * 15));

            var outcomes = await Task.WhenAll(
                Task.Run(() => new BookCollective(store, _clock).BookAsync(first, default)),
                Task.Run(() => new BookCollective(store, _clock).BookAsync(second, default)));

            // Both take bob before cy (the fixed order), so the one that gets bob first wins: never both, never neither.
            Assert.Single(outcomes, o => o == CollectiveOutcome.Booked);
            AssertAllOrNothing(store, first, outcomes[0] == CollectiveOutcome.Booked);
            AssertAllOrNothing(store, second, outcomes[1] == CollectiveOutcome.Booked);
            foreach (var (member, calendar) in store.AllCalendars())
            {
                Assert.False(calendar.Any(a => calendar.Any(b => !ReferenceEquals(a, b) && a.Start < b.End && b.Start < a.End)), $"{member} double-booked in round {round}");
            }
        }
    }

    private CollectiveIntent NewIntent(string id, HostSlug[] members, IClock? clock = null, Instant? start = null)
    {
        var from = start ?? _start;
        return new CollectiveIntent(id, from, from + Duration.FromMinutes(30), members, (clock ?? _clock).GetCurrentInstant() + BookCollective.HoldLifetime);
    }

    /// <summary>Runs recovery as its delayed messages would: after the holds expire, then whenever it asks again.</summary>
    private static async Task RecoverFullyAsync(InMemoryCollectiveStore store, FakeClock clock, string id)
    {
        store.CrashAt = null;
        store.BeforeOperation = null;
        var recovery = new RecoverCollective(store, clock);
        clock.Advance(BookCollective.HoldLifetime);
        for (var pass = 0; pass < 5; pass++)
        {
            var step = await recovery.RunAsync(id, default);
            if (step.Finished)
            {
                return;
            }

            clock.Reset(step.RunAgainAt!.Value);
        }

        Assert.Fail($"recovery of {id} did not finish");
    }

    private static void AssertAllOrNothing(InMemoryCollectiveStore store, CollectiveIntent intent, bool expectBooked)
    {
        foreach (var member in intent.Members)
        {
            var entries = store.CalendarSnapshot(member).Where(e => e.IntentId == intent.Id).ToArray();
            if (expectBooked)
            {
                Assert.True(Assert.Single(entries).Confirmed, $"{member}'s hold for {intent.Id} was not confirmed");
                Assert.Equal(1, store.Confirmations[(member.Value, intent.Id)]);
            }
            else
            {
                Assert.Empty(entries);
            }
        }
    }
}
