using NodaTime;
using Schedly.Core.Outbox;

namespace Schedly.Core.Tests.Notifications;

public sealed class CheckOutboxGuardTests
{
    private readonly FakeOutbox _outbox = new();

    private CheckOutboxGuard CreateSut() => new(_outbox, _outbox);

    [Fact]
    public async Task Execute_RowStillThere_IsEnqueuedAsWritten_AndLeftForTheFanOutToDelete()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{\"eventId\":\"e1\"}", Sample.Now));

        var published = await CreateSut().ExecuteAsync(new OutboxGuard("ada", "e1"), CancellationToken.None);

        Assert.True(published);
        Assert.Equal(["{\"eventId\":\"e1\"}"], _outbox.Enqueued);
        Assert.Single(_outbox.Rows);
    }

    [Fact]
    public async Task Execute_RowFlaggedDispatched_IsOnlyDeleted()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{}", Sample.Now, Dispatched: true));

        var published = await CreateSut().ExecuteAsync(new OutboxGuard("ada", "e1"), CancellationToken.None);

        Assert.False(published);
        Assert.Empty(_outbox.Enqueued);
        Assert.Empty(_outbox.Rows);
    }

    [Fact]
    public async Task Execute_RowGone_DeletedOrNeverCommitted_DoesNothing()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("bob", "e1", "booking.created", "{}", Sample.Now));

        var published = await CreateSut().ExecuteAsync(new OutboxGuard("ada", "e1"), CancellationToken.None);

        Assert.False(published);
        Assert.Empty(_outbox.Enqueued);
        Assert.Single(_outbox.Rows);
    }

    [Fact]
    public async Task Execute_GuardDeliveredAgainAfterTheFanOut_DoesNothing()
    {
        _outbox.Rows.Add(new PendingOutboxEvent("ada", "e1", "booking.created", "{}", Sample.Now - Duration.FromMinutes(5)));
        var sut = CreateSut();

        await sut.ExecuteAsync(new OutboxGuard("ada", "e1"), CancellationToken.None);
        await _outbox.RemoveAsync("ada", "e1", CancellationToken.None); // the fan-out handled the event
        var second = await sut.ExecuteAsync(new OutboxGuard("ada", "e1"), CancellationToken.None);

        Assert.False(second);
        Assert.Single(_outbox.Enqueued);
    }

    [Theory]
    [InlineData("{\"host\":\"ada\",\"eventId\":\"e1\"}", true)]
    [InlineData("{\"host\":\"ada\"}", false)]
    [InlineData("not json", false)]
    public void TryParse_RoundTripsAndRefusesMalformed(string json, bool valid)
    {
        Assert.Equal(valid, OutboxGuard.TryParse(json) is not null);
        Assert.Equal(new OutboxGuard("ada", "e1"), OutboxGuard.TryParse(new OutboxGuard("ada", "e1").ToJson()));
    }
}
