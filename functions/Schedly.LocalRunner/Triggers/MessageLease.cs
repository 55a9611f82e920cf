using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// Keeps a received queue message invisible while its function runs: a short lease (default 30 s) renewed every
/// third of it, as the Functions host renews its own. A runner that dies mid-message stops renewing, so the message is
/// visible again within one lease instead of after a long fixed one. If storage cannot be reached, renewal stops and
/// the lease lapses: the message comes back and is processed again (consumers are idempotent).
/// </summary>
public sealed class MessageLease : IAsyncDisposable
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromSeconds(30);

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _length;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    /// <param name="queue">The queue the message was received from.</param>
    /// <param name="message">Received with a visibility timeout of <paramref name="length"/>.</param>
    /// <param name="length">How long each lease lasts; renewed before it runs out.</param>
    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan? length = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _length = length ?? DefaultLength;
        _renewing = RenewAsync();
    }

    /// <summary>The receipt of the latest renewal: what deleting or updating the message needs.</summary>
    public string PopReceipt { get; private set; }

    /// <summary>How many times the lease was renewed.</summary>
    public int Renewals { get; private set; }

    /// <summary>Stops renewing (waiting for a renewal in flight, so <see cref="PopReceipt"/> is current).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_length / 3, _stop.Token).ConfigureAwait(false);

                // Not cancelled midway: a renewal the server applied must hand its receipt back.
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _length, cancellationToken: CancellationToken.None)
                    .ConfigureAwait(false);
                PopReceipt = receipt.Value.PopReceipt;
                Renewals++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // Storage unreachable or the message gone: let the lease lapse.
        }
    }
}
