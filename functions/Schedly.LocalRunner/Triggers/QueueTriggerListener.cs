using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Schedly.LocalRunner.Configuration;
using Schedly.LocalRunner.Discovery;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// Polls one queue for one queue-triggered function, as the Functions host does: up to
/// <c>batchSize</c> messages at a time processed concurrently, base64 decoding, a failed message
/// made visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failed
/// attempts moved to <c>&lt;queue&gt;-poison</c>. Polling backs off to <c>maxPollingInterval</c>
/// while the queue is empty. Other messages keep flowing while one fails. A message being processed is held
/// by a <see cref="MessageLease"/> (30 s, renewed), so one a crashed runner held comes back within 30 s.
/// The queue client is created when the listener runs, after the host's start-up options validation.
/// </summary>
public sealed partial class QueueTriggerListener(
    QueueFunction function,
    Func<QueueServiceClient> rawQueues,
    HostJsonSettings settings,
    IServiceProvider services,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queues = rawQueues();
        var queue = queues.GetQueueClient(function.QueueName);
        var poison = queues.GetQueueClient(function.QueueName + "-poison");
        var delay = MinPollingInterval;
        var queueExists = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!queueExists)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    queueExists = true;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(
                    Math.Clamp(settings.QueueBatchSize, 1, 32), MessageLease.DefaultLength, stoppingToken).ConfigureAwait(false);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                await Task.WhenAll(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                queueExists = false; // storage may have been reset: make sure the queue is there on the next poll
                LogPollFailed(logger, function.QueueName, e.GetType().Name);
                await Task.Delay(settings.MaxPollingInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        string text;
        try
        {
            text = Decode(message.Body);
        }
        catch (FormatException)
        {
            LogUndecodable(logger, message.MessageId, function.QueueName);
            await MoveToPoisonAsync(queue, poison, message.MessageId, message.PopReceipt, message.Body.ToString(), stoppingToken).ConfigureAwait(false);
            return;
        }

        Exception? failure = null;
        var lease = new MessageLease(queue, message);
        try
        {
            var payload = BindPayload(text);
            await FunctionInvoker.InvokeAsync(services, function, payload, new Dictionary<string, object?>(), stoppingToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            failure = e;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        if (failure is null)
        {
            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None).ConfigureAwait(false);
        }
        else if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            LogPoisoned(logger, function.Name, message.MessageId, message.DequeueCount, function.QueueName + "-poison");
            await MoveToPoisonAsync(queue, poison, message.MessageId, lease.PopReceipt, text, stoppingToken).ConfigureAwait(false);
        }
        else
        {
            LogFailedAttempt(logger, function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, failure.GetType().Name);
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, string messageId, string popReceipt, string text, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(Encode(text), cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None).ConfigureAwait(false);
    }

    private object? BindPayload(string text)
    {
        var type = function.TriggerParameter.ParameterType;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(BinaryData))
        {
            return BinaryData.FromString(text);
        }

        if (type == typeof(byte[]))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        return JsonSerializer.Deserialize(text, type, Schedly.Functions.Http.ApiJson.Options);
    }

    private string Decode(BinaryData body) => settings.MessageEncoding.Equals("none", StringComparison.OrdinalIgnoreCase)
        ? body.ToString()
        : Encoding.UTF8.GetString(Convert.FromBase64String(body.ToString()));

    private string Encode(string text) => settings.MessageEncoding.Equals("none", StringComparison.OrdinalIgnoreCase)
        ? text
        : Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {QueueName} failed ({ExceptionType}); retrying")]
    private static partial void LogPollFailed(ILogger logger, string queueName, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount}, {ExceptionType})")]
    private static partial void LogFailedAttempt(ILogger logger, string functionName, string messageId, long dequeueCount, int maxDequeueCount, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed on message {MessageId} {DequeueCount} times; moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string functionName, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {QueueName} is not base64; moved to the poison queue")]
    private static partial void LogUndecodable(ILogger logger, string messageId, string queueName);
}
