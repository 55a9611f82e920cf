using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Teams.Collective;

namespace Schedly.Core.Tests.Teams.Collective;

/// <summary>
/// A collective booking cancelled as a whole (<see cref="CancelCollective"/>): every member's booking goes, or (a
/// crash before the decision) none does; a crash after the decision is finished by recovery; cancelling again, or a
/// booking that never booked, changes nothing.
/// </summary>
public sealed class CollectiveCancelTests
{
    private static readonly Instant _start = Instant.FromUtc(2027, 3, 1, 14, 0);
    private static readonly HostSlug[] _team = [HostSlug.Parse("ada"), HostSlug.Parse("bob"), HostSlug.Parse("cy")];
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 2, 1, 9, 0));
    private readonly RecordingQueue _queue = new();

    [Fact]
    public async Task Booked_Cancelled_EveryMemberFreeAndRecoveryScheduledFirst()
    {
        var (store, intent) = await BookedAsync("c1");
        store.BeforeOperation = name => Task.Run(() => Assert.True(name == "read" || _queue.Scheduled.Count == 1, name)); // the message goes out before any write

        var state = await new CancelCollective(store, _queue, _clock).CancelAsync(intent.Id, "ill", Booking.ByClient, default);

        Assert.Equal(CollectiveState.Cancelled, state);
        Assert.Equal((intent.Id, _clock.GetCurrentInstant() + CancelCollective.RecoveryDelay), Assert.Single(_queue.Scheduled));
        AssertMembersHold(store, intent, expectBooked: false);
    }

    [Fact]
    public async Task CancelledTwice_SecondChangesNothing()
    {
        var (store, intent) = await BookedAsync("c2");
        var cancel = new CancelCollective(store, _queue, _clock);
        await cancel.CancelAsync(intent.Id, null, Booking.ByHost, default);

        Assert.Equal(CollectiveState.Cancelled, await cancel.CancelAsync(intent.Id, "again", Booking.ByClient, default));
        AssertMembersHold(store, intent, expectBooked: false);
    }

    [Fact]
    public async Task NeverBooked_NothingToCancel()
    {
        var store = new InMemoryCollectiveStore();
        store.AddBusy(_team[1], _start, _start + Duration.FromMinutes(30));
        var intent = NewIntent("c3");
        Assert.Equal(CollectiveOutcome.Unavailable, await new BookCollective(store, _clock).BookAsync(intent, default));

        Assert.Equal(CollectiveState.RolledBack, await new CancelCollective(store, _queue, _clock).CancelAsync(intent.Id, null, Booking.ByClient, default));
        Assert.Null(await new CancelCollective(store, _queue, _clock).CancelAsync("unknown", null, Booking.ByClient, default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CrashAtEveryStep_RecoveryThenRetry_EveryMemberCancelled(bool crashAfterEffect)
    {
        var crashes = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var (store, intent) = await BookedAsync($"crash-{crashAt}");
            store.CrashAt = store.Operations + crashAt;
            store.CrashAfterEffect = crashAfterEffect;
            var cancel = new CancelCollective(store, _queue, _clock);
            CollectiveState? told = null;
            try
            {
                told = await cancel.CancelAsync(intent.Id, "ill", Booking.ByClient, default);
            }
            catch (InjectedCrashException)
            {
                crashes++;
            }

            store.CrashAt = null;
            var reachedEnd = told is not null;
            var step = await new RecoverCollective(store, _clock).RunAsync(intent.Id, default);
            Assert.True(step.Finished);

            // Recovery finishes a decided cancellation; before the decision the booking stands for everyone.
            var decided = store.StateOf(intent.Id) == CollectiveState.Cancelled;
            Assert.Equal(decided ? CollectiveState.Cancelled : CollectiveState.Completed, step.State);
            AssertMembersHold(store, intent, expectBooked: !decided);

            // The client, told nothing, tries again: the booking ends cancelled for every member.
            Assert.Equal(CollectiveState.Cancelled, await cancel.CancelAsync(intent.Id, "ill", Booking.ByClient, default));
            AssertMembersHold(store, intent, expectBooked: false);
            if (reachedEnd)
            {
                break;
            }
        }

        Assert.True(crashes >= 5, $"only {crashes} crash points exercised"); // read, decide, three members (and the last write)
    }

    private async Task<(InMemoryCollectiveStore Store, CollectiveIntent Intent)> BookedAsync(string id)
    {
        var store = new InMemoryCollectiveStore();
        var intent = NewIntent(id);
        Assert.Equal(CollectiveOutcome.Booked, await new BookCollective(store, _clock).BookAsync(intent, default));
        return (store, intent);
    }

    private CollectiveIntent NewIntent(string id) =>
        new(id, _start, _start + Duration.FromMinutes(30), _team, _clock.GetCurrentInstant() + BookCollective.HoldLifetime);

    private static void AssertMembersHold(InMemoryCollectiveStore store, CollectiveIntent intent, bool expectBooked)
    {
        foreach (var member in intent.Members)
        {
            var entries = store.CalendarSnapshot(member).Where(e => e.IntentId == intent.Id).ToArray();
            Assert.Equal(expectBooked ? 1 : 0, entries.Length);
        }
    }

    private sealed class RecordingQueue : ICollectiveRecoveryQueue
    {
        public List<(string Id, Instant At)> Scheduled { get; } = [];

        public Task ScheduleAsync(string id, Instant at, CancellationToken cancellationToken)
        {
            Scheduled.Add((id, at));
            return Task.CompletedTask;
        }
    }
}
