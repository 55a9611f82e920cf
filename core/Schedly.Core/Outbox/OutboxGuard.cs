using System.Text.Json;
using NodaTime;

namespace Schedly.Core.Outbox;

/// <summary>
/// A hint that event <see cref="EventId"/> may be committed to <see cref="Host"/>'s outbox. The store sends it, delayed
/// by <see cref="Delay"/>, BEFORE the transaction that writes the event, so whatever happens after (the transaction
/// fails, the process dies before publishing, the queue is unreachable) the guard arrives later and
/// <see cref="CheckOutboxGuard"/> looks at the host's partition: a row still there was never published and is
/// published now; no row means it was published (and deleted) or never committed, and there is nothing to do. The
/// outbox row in the host partition stays the one source of truth; the guard only says where to look, so the repair
/// costs one point read per event and no periodic job ever scans the hosts.
/// </summary>
public sealed record OutboxGuard(string Host, string EventId)
{
    /// <summary>
    /// How long the request that writes an event has to publish it itself before the guard looks. Longer than any
    /// request's commit-and-publish, short enough that a lost publish is repaired within about a minute.
    /// </summary>
    public static readonly Duration Delay = Duration.FromSeconds(60);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The guard, or null for a message that is not one (it then goes to the poison queue).</summary>
    public static OutboxGuard? TryParse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var guard = JsonSerializer.Deserialize<OutboxGuard>(message, Json);
            return guard is { Host.Length: > 0, EventId.Length: > 0 } ? guard : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
