using System.Text.Json;
using Azure.Storage.Queues;
using Schedly.Core.SignIn;

namespace Schedly.AzureStorage.Queues;

/// <summary>
/// Sends sign-in link requests to <c>sign-in-links</c> as <c>{ "emailKey": "&lt;64 hex&gt;" }</c>: the hash of the address,
/// never the address, so the queue holds no personal data.
/// </summary>
public sealed class QueueSignInLinkRequests(QueueServiceClient queues)
{
    private readonly QueueClient _queue = queues.GetQueueClient(SchedlyQueues.SignInLinks);

    public async Task EnqueueAsync(HostEmailKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _queue.SendMessageAsync(JsonSerializer.Serialize(new Message(key.Hex)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The email key of a message, or null when it is malformed.</summary>
    public static HostEmailKey? Parse(string message)
    {
        try
        {
            return HostEmailKey.TryParse(JsonSerializer.Deserialize<Message>(message)?.EmailKey);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Message([property: System.Text.Json.Serialization.JsonPropertyName("emailKey")] string EmailKey);
}
