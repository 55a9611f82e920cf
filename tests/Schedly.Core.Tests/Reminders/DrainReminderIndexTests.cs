using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Reminders;

public sealed class DrainReminderIndexTests
{
    private static readonly Instant Now = Sample.Start - Duration.FromMinutes(30);

    private readonly FakeClock _clock = new(Now);
    private readonly FakeReminderIndex _index = new();
    private readonly FakeReminderWorkQueue _queue = new();

    private DrainReminderIndex CreateSut() => new(_index, _queue, _clock);

    [Fact]
    public async Task Execute_QueuesEachDueHostOnceAsOfNow_RemovesItsHints_LeavesFutureOnes()
    {
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("alice"), Now - Duration.FromHours(26))); // a downtime's leftover
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("alice"), Now - Duration.FromMinutes(1)));
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("bob"), Now));
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("carol"), Now + Duration.FromMinutes(2)));

        var queued = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(2, queued);
        Assert.Equal([new HostReminderWork("alice", Now), new HostReminderWork("bob", Now)], _queue.Work);
        Assert.Equal(["carol"], _index.Hints.Select(h => h.Host.Value));
    }

    [Fact]
    public async Task Execute_QueueFails_KeepsTheHintsForTheNextRun()
    {
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("alice"), Now));
        _queue.Fail = true;

        await Assert.ThrowsAsync<IOException>(() => CreateSut().ExecuteAsync(CancellationToken.None));

        Assert.Single(_index.Hints);
    }

    [Fact]
    public async Task Execute_AHousekeepingHint_AsksForHousekeepingInTheHostsOneMessage()
    {
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("alice"), Now));
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("alice"), Now - Duration.FromMinutes(3), HintKind.Housekeeping));
        _index.Hints.Add(ReminderHint.For(HostSlug.Parse("bob"), Now));

        await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal([new HostReminderWork("alice", Now, Housekeeping: true), new HostReminderWork("bob", Now)], _queue.Work);
        Assert.Empty(_index.Hints);
    }

    [Fact]
    public void HintFor_IsTheStartOfTheDueMinute()
    {
        var hint = ReminderHint.For(HostSlug.Parse("alice"), Instant.FromUtc(2026, 12, 1, 13, 59, 59));

        Assert.Equal(Instant.FromUtc(2026, 12, 1, 13, 59), hint.Minute);
    }

    [Fact]
    public void HostReminderWork_RoundTripsAndRefusesMalformed()
    {
        var work = new HostReminderWork("alice", Instant.FromUnixTimeMilliseconds(1_780_000_000_123));

        Assert.Equal(work, HostReminderWork.TryParse(work.ToJson()));
        Assert.Equal(work with { Housekeeping = true }, HostReminderWork.TryParse((work with { Housekeeping = true }).ToJson()));
        Assert.DoesNotContain("housekeeping", work.ToJson(), StringComparison.Ordinal);
        Assert.Null(HostReminderWork.TryParse("{\"host\":\"alice\"}"));
        Assert.Null(HostReminderWork.TryParse("{\"host\":\"Not A Slug\",\"asOf\":5}"));
        Assert.Null(HostReminderWork.TryParse("nonsense"));
    }
}

internal sealed class FakeReminderIndex : IReminderIndex
{
    public List<ReminderHint> Hints { get; } = [];

    public Task MarkAsync(ReminderHint hint, CancellationToken cancellationToken)
    {
        if (!Hints.Contains(hint))
        {
            Hints.Add(hint);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReminderHint>> ListDueAsync(Instant upTo, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderHint>>(Hints.Where(h => h.Minute <= upTo).OrderBy(h => h.Minute).Take(max).ToList());

    public Task RemoveAsync(ReminderHint hint, CancellationToken cancellationToken)
    {
        Hints.Remove(hint);
        return Task.CompletedTask;
    }
}

internal sealed class FakeReminderWorkQueue : IReminderWorkQueue
{
    public List<HostReminderWork> Work { get; } = [];

    public bool Fail { get; set; }

    public Task EnqueueAsync(HostReminderWork work, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("queue unreachable");
        }

        Work.Add(work);
        return Task.CompletedTask;
    }
}
