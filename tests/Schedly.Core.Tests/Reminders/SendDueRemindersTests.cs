using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Reminders;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Reminders;

public sealed class SendDueRemindersTests
{
    private const int OffsetMinutes = 60;

    private readonly FakeClock _clock = new(Sample.Start - Duration.FromMinutes(30));
    private readonly FakeHostDirectory _directory = new("alice", "bob", "carol");
    private readonly FakeReminderStore _reminders = new();
    private readonly FakeBookingStore _bookings = new();
    private readonly FakeQueue _queue = new();

    public SendDueRemindersTests()
    {
        foreach (var slug in new[] { "alice", "bob", "carol" })
        {
            var booking = HostTimerSample.Booking(slug, Sample.Start);
            _bookings.Bookings.Add(booking);
            _reminders.Due.Add(new DueReminder(booking.Id.Host, booking.Id.Random, OffsetMinutes, booking.Start - Duration.FromMinutes(OffsetMinutes), "v1"));
        }
    }

    private SendDueReminders CreateSut() => new(_directory, _reminders, _bookings, _queue, _clock);

    private IEnumerable<string> HostsEmailed() => _queue.Emails.Select(e => e.Event.Host).Distinct().Order();

    [Fact]
    public async Task Execute_NoFailures_SendsEveryHostsReminders()
    {
        var summary = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(3, summary.Sent);
        Assert.Equal(6, _queue.Emails.Count);
        Assert.Equal(["alice", "bob", "carol"], HostsEmailed());
        Assert.Equal(3, _reminders.Completed.Count);
    }

    [Fact]
    public async Task Execute_MiddleHostsStoreFails_SendsTheOthersThenThrowsNamingIt()
    {
        _reminders.FailingHosts.Add("bob");

        var error = await Assert.ThrowsAsync<AggregateException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Equal(["alice", "carol"], HostsEmailed());
        Assert.Equal(["alice", "carol"], _reminders.Completed.Select(c => c.Reminder.Host.Value));
        Assert.IsType<IOException>(Assert.Single(error.InnerExceptions));
        Assert.Contains("1 of 3 hosts", error.Message, StringComparison.Ordinal);
        Assert.Contains("bob", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 queued", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MiddleHostsBookingReadFails_LeavesItsEntryForTheNextRun()
    {
        _bookings.FailingHosts.Add("bob");

        await Assert.ThrowsAsync<AggregateException>(() => CreateSut().ExecuteAsync(CancellationToken.None));
        _bookings.FailingHosts.Clear();
        var next = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, next.Sent);
        Assert.Equal(["alice", "bob", "carol"], HostsEmailed());
    }

    [Fact]
    public async Task Execute_DirectoryListingFails_PropagatesAsIs()
    {
        _directory.FailAfter = 1;

        await Assert.ThrowsAsync<IOException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Equal(["alice"], HostsEmailed());
    }

    [Fact]
    public async Task Execute_CancelledDuringAHost_StopsWithCancellationNotAggregate()
    {
        using var cts = new CancellationTokenSource();
        _bookings.OnRead = host =>
        {
            if (host.Value == "bob")
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().ExecuteAsync(cts.Token));

        Assert.Equal(["alice"], HostsEmailed());
    }
}
