using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Hosts;
using Schedly.Core.Housekeeping;
using Schedly.Core.Reminders;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Reminders;

/// <summary>One host's reminder work, as a <c>reminders</c> queue message asks for it.</summary>
public sealed class SendDueRemindersTests
{
    private const int OffsetMinutes = 60;

    private readonly FakeClock _clock = new(Sample.Start - Duration.FromMinutes(30));
    private readonly FakeReminderStore _reminders = new();
    private readonly FakeBookingStore _bookings = new();
    private readonly FakeQueue _queue = new();

    public SendDueRemindersTests()
    {
        foreach (var slug in new[] { "alice", "bob" })
        {
            var booking = HostTimerSample.Booking(slug, Sample.Start);
            _bookings.Bookings.Add(booking);
            _reminders.Due.Add(new DueReminder(booking.Id.Host, booking.Id.Random, OffsetMinutes, booking.Start - Duration.FromMinutes(OffsetMinutes), "v1"));
        }
    }

    private readonly FakeExpiredRowStore _expired = new();

    private SendDueReminders CreateSut() => new(_reminders, _bookings, _queue, new PruneExpiredRows(_expired, new Schedly.Core.Privacy.ErasePersonalData(new FakeHostRepository(), _bookings, _clock), new FakeReminderIndex(), _clock), _clock);

    [Fact]
    public async Task Execute_Housekeeping_PrunesTheHostsRowsWithTheCutoffsOfNow_AfterItsReminders()
    {
        var now = _clock.GetCurrentInstant();

        var plain = await CreateSut().ExecuteAsync(new HostReminderWork("bob", now), CancellationToken.None);
        var withHousekeeping = await CreateSut().ExecuteAsync(new HostReminderWork("alice", now, Housekeeping: true), CancellationToken.None);

        Assert.Null(plain.Pruned);
        Assert.Equal(1, withHousekeeping.Sent);
        var (host, cutoffs) = Assert.Single(_expired.Calls);
        Assert.Equal("alice", host.Value);
        Assert.Equal(now - Duration.FromDays(7), cutoffs.Claims);
        Assert.Equal(now - Duration.FromDays(7), cutoffs.ReminderOutcomes);
        Assert.Equal(now - Duration.FromHours(24), cutoffs.Idempotency);
        Assert.Equal(new PrunedRows(1, 2, 3, 4), withHousekeeping.Pruned);
    }

    [Fact]
    public async Task Execute_CollectiveBooking_QueuesTheClientsReminderOnceThroughTheLead_AndEachHostsOwn()
    {
        _bookings.Bookings.Clear();
        _reminders.Due.Clear();
        foreach (var member in new[] { "bob", "alice" })
        {
            var booking = CollectiveSample.MemberBooking(member, "bob", "alice");
            _bookings.Bookings.Add(booking);
            _reminders.Due.Add(new DueReminder(booking.Id.Host, booking.Id.Random, OffsetMinutes, booking.Start - Duration.FromMinutes(OffsetMinutes), "v1"));
        }

        var now = _clock.GetCurrentInstant();
        var bob = await CreateSut().ExecuteAsync(new HostReminderWork("bob", now), CancellationToken.None);
        var alice = await CreateSut().ExecuteAsync(new HostReminderWork("alice", now), CancellationToken.None);

        Assert.Equal((1, 1), (bob.Sent, alice.Sent));
        Assert.Equal(
            [("alice", "client"), ("alice", "host"), ("bob", "host")],
            _queue.Emails.Select(e => (e.Event.Host, e.Recipient)).Order());
    }

    private sealed class FakeExpiredRowStore : IExpiredRowStore
    {
        public List<(HostSlug Host, ExpiryCutoffs Cutoffs)> Calls { get; } = [];

        public Task<PrunedRows> PruneAsync(HostSlug host, ExpiryCutoffs cutoffs, CancellationToken cancellationToken)
        {
            Calls.Add((host, cutoffs));
            return Task.FromResult(new PrunedRows(1, 2, 3, 4));
        }
    }

    [Fact]
    public async Task Execute_DueEntry_QueuesClientAndHostEmailsAndCompletesOnlyThatHostsEntry()
    {
        var summary = await CreateSut().ExecuteAsync(new HostReminderWork("alice", _clock.GetCurrentInstant()), CancellationToken.None);

        Assert.Equal(1, summary.Sent);
        Assert.Equal(["alice"], _queue.Emails.Select(e => e.Event.Host).Distinct());
        Assert.Equal(2, _queue.Emails.Count);
        Assert.Equal([ReminderOutcome.Sent], _reminders.Completed.Select(c => c.Outcome));
    }

    [Fact]
    public async Task Execute_SameWorkTwice_SendsOnce()
    {
        var work = new HostReminderWork("alice", _clock.GetCurrentInstant());

        await CreateSut().ExecuteAsync(work, CancellationToken.None);
        var second = await CreateSut().ExecuteAsync(work, CancellationToken.None);

        Assert.Equal(0, second.Sent);
        Assert.Equal(2, _queue.Emails.Count);
    }

    [Fact]
    public async Task Execute_MessageWaitedPastTheStart_JudgesByNowAndSkips()
    {
        var queuedAt = _clock.GetCurrentInstant();
        _clock.Advance(Duration.FromHours(1)); // the meeting started while the message waited

        var summary = await CreateSut().ExecuteAsync(new HostReminderWork("alice", queuedAt), CancellationToken.None);

        Assert.Equal(1, summary.Skipped);
        Assert.Empty(_queue.Emails);
    }

    [Fact]
    public async Task Execute_BookingReadFails_Throws_LeavesTheEntryForTheRedelivery()
    {
        _bookings.FailingHosts.Add("alice");
        var work = new HostReminderWork("alice", _clock.GetCurrentInstant());

        await Assert.ThrowsAsync<IOException>(() => CreateSut().ExecuteAsync(work, CancellationToken.None));
        _bookings.FailingHosts.Clear();
        var redelivered = await CreateSut().ExecuteAsync(work, CancellationToken.None);

        Assert.Equal(1, redelivered.Sent);
    }

    [Fact]
    public async Task Execute_NotAHostSlug_DoesNothing()
    {
        var summary = await CreateSut().ExecuteAsync(new HostReminderWork("Not A Slug", _clock.GetCurrentInstant()), CancellationToken.None);

        Assert.Equal((0, 0, 0), (summary.Sent, summary.Skipped, summary.Obsolete));
    }
}
