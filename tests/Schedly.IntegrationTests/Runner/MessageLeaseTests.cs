using Azure.Storage.Queues;
using Schedly.LocalRunner.Triggers;

namespace Schedly.IntegrationTests.Runner;

/// <summary>The runner's message lease against a real Azurite: held while renewed, back soon after renewal stops.</summary>
public sealed class MessageLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private readonly AzuriteProcess _azurite = new();
    private QueueClient _queue = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _queue = new QueueClient(_azurite.ConnectionString, "lease-test");
        await _queue.CreateAsync();
        await _queue.SendMessageAsync("work");
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task RenewedLease_KeepsTheMessageHiddenPastItsLength_AndItsReceiptDeletesIt()
    {
        var message = (await _queue.ReceiveMessageAsync(Lease)).Value;
        var lease = new MessageLease(_queue, message, Lease);

        await Task.Delay(Lease * 2.5);
        var whileHeld = (await _queue.ReceiveMessageAsync(Lease)).Value;
        await lease.DisposeAsync();
        await _queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt);

        Assert.Null(whileHeld);
        Assert.True(lease.Renewals >= 3, $"renewed {lease.Renewals} times");
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task LeaseNoLongerRenewed_AsWhenTheRunnerDies_ReleasesTheMessageWithinOneLength()
    {
        var message = (await _queue.ReceiveMessageAsync(Lease)).Value;
        var lease = new MessageLease(_queue, message, Lease);
        await Task.Delay(Lease);
        await lease.DisposeAsync();

        await Task.Delay(Lease + TimeSpan.FromMilliseconds(500));
        var again = (await _queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(again);
        Assert.Equal(message.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }
}
