using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Outbox;

namespace Schedly.Core.Tests.Notifications;

public sealed class SweepOutboxTests
{
    private readonly FakeClock _clock = new(Sample.Now);
    private readonly FakeOutbox _outbox = new();

    private SweepOutbox CreateSut() => new(_outbox, _outbox, _clock);

    [Fact]
    public async Task Execute_RowOlderThanGrace_IsEnqueuedAndFlagged()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{\"eventId\":\"e1\"}", Sample.Now - Duration.FromSeconds(31)));

        var sent = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["{\"eventId\":\"e1\"}"], _outbox.Enqueued);
        Assert.Contains("e1", _outbox.Dispatched);
    }

    [Fact]
    public async Task Execute_RowInsideGrace_IsLeftForItsPublisher()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{}", Sample.Now - Duration.FromSeconds(10)));

        var sent = await CreateSut().ExecuteAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Empty(_outbox.Enqueued);
        Assert.Empty(_outbox.Dispatched);
    }

    [Fact]
    public async Task Execute_Twice_SendsEachRowOnce()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{}", Sample.Now - Duration.FromMinutes(5)));
        var sweep = CreateSut();

        await sweep.ExecuteAsync(CancellationToken.None);
        _clock.Advance(Duration.FromMinutes(1));
        var second = await sweep.ExecuteAsync(CancellationToken.None);

        Assert.Equal(0, second);
        Assert.Single(_outbox.Enqueued);
    }
}
