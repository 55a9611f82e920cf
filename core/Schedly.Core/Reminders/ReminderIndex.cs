using System.Text.Json;
using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Reminders;

/// <summary>
/// A hint that <see cref="Host"/> has reminder entries due in the UTC minute starting at <see cref="Minute"/>. Hints
/// are written (idempotently) when a booking event is fanned out, kept in a table keyed by due minute, and drained by
/// <see cref="DrainReminderIndex"/>; the <c>remind|</c> entries in the host partition stay the one source of truth,
/// so a stale hint (the booking moved or was cancelled) costs one empty look and nothing else. A
/// <see cref="HintKind.Housekeeping"/> hint uses the same index to say when the host's expired working rows are due
/// to be deleted (<see cref="Housekeeping.PruneExpiredRows"/>).
/// </summary>
public sealed record ReminderHint(Instant Minute, HostSlug Host, HintKind Kind = HintKind.Reminders)
{
    /// <summary>The hint for an entry due at <paramref name="due"/>: the start of its UTC minute.</summary>
    public static ReminderHint For(HostSlug host, Instant due, HintKind kind = HintKind.Reminders) =>
        new(Instant.FromUnixTimeSeconds(due.ToUnixTimeSeconds() - (((due.ToUnixTimeSeconds() % 60) + 60) % 60)), host, kind);
}

/// <summary>What a hint asks the host's due-work message to do.</summary>
public enum HintKind
{
    /// <summary>Send the reminders that are due.</summary>
    Reminders,

    /// <summary>Also delete the host's working rows whose lifetime has passed.</summary>
    Housekeeping,

    /// <summary>Also expire the host's pending bookings whose wait is over (<see cref="Bookings.ExpirePendingBookings"/>).</summary>
    PendingExpiry,
}

/// <summary>The reminder hints by due minute.</summary>
public interface IReminderIndex
{
    /// <summary>Records the hint (an existing one is left as it is).</summary>
    Task MarkAsync(ReminderHint hint, CancellationToken cancellationToken);

    /// <summary>The hints of every minute up to and including <paramref name="upTo"/>'s, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReminderHint>> ListDueAsync(Instant upTo, int max, CancellationToken cancellationToken);

    /// <summary>Removes the hint: its host's work is queued. Idempotent.</summary>
    Task RemoveAsync(ReminderHint hint, CancellationToken cancellationToken);
}

/// <summary>
/// One host's due work (a <c>reminders</c> queue message): send the reminders due as of <see cref="AsOf"/>, with
/// <see cref="Housekeeping"/> also delete the host's expired working rows, and with <see cref="Expiry"/> also expire the
/// host's pending bookings whose wait is over. A message without the flags reads as before.
/// </summary>
public sealed record HostReminderWork(string Host, Instant AsOf, bool Housekeeping = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Expire the host's pending bookings that are due.</summary>
    public bool Expiry { get; init; }

    public string ToJson() => JsonSerializer.Serialize(
        new Wire(Host, AsOf.ToUnixTimeMilliseconds(), Housekeeping ? true : null) { Expiry = Expiry ? true : null }, Json);

    /// <summary>The work, or null for a message that is not one (it then goes to the poison queue).</summary>
    public static HostReminderWork? TryParse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(message, Json);
            return wire is { Host.Length: > 0, AsOf: > 0 } && HostSlug.TryParse(wire.Host, out _)
                ? new HostReminderWork(wire.Host, Instant.FromUnixTimeMilliseconds(wire.AsOf), wire.Housekeeping == true) { Expiry = wire.Expiry == true }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string? Host, long AsOf, bool? Housekeeping)
    {
        public bool? Expiry { get; init; }
    }
}

/// <summary>Sends <see cref="HostReminderWork"/> to the <c>reminders</c> queue.</summary>
public interface IReminderWorkQueue
{
    Task EnqueueAsync(HostReminderWork work, CancellationToken cancellationToken);
}
