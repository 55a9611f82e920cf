using System.Collections.Concurrent;
using System.Text.Json;

namespace Schedly.Soak;

/// <summary>
/// What the clients and hosts of the soak saw: every booking a 201 confirmed, with its state as last answered. Changes
/// to one booking are serialized by its <see cref="SeenBooking.Lock"/>, so each observed transition is one event.
/// </summary>
public sealed class ClientLedger
{
    private readonly ConcurrentDictionary<string, SeenBooking> _bookings = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SeenBooking> Bookings => [.. _bookings.Values];

    public int Count => _bookings.Count;

    /// <summary>Creates that ended without a definitive answer within the run (retried in the final pass).</summary>
    public ConcurrentQueue<PendingCreate> PendingCreates { get; } = new();

    /// <summary>Creates the final pass could not settle either: the checker reports each.</summary>
    public ConcurrentQueue<PendingCreate> UnsettledCreates { get; } = new();

    /// <summary>Records a booking from its 201 (or its idempotent replay); a replay of a known booking changes nothing.</summary>
    public SeenBooking Confirmed(JsonElement body)
    {
        var id = body.GetProperty("id").GetString()!;
        return _bookings.GetOrAdd(id, _ => new SeenBooking(id, body.GetProperty("host").GetString()!, body.GetProperty("eventType").GetString()!,
            body.GetProperty("manageToken").GetString()!, body.GetProperty("email").GetString()!)
        {
            State = BookingState.From(body),
        });
    }

    public IReadOnlyList<SeenBooking> OfHost(string host) => _bookings.Values.Where(b => b.Host == host).ToList();
}

/// <summary>A create still owed a definitive answer: retried with the same Idempotency-Key and body.</summary>
public sealed record PendingCreate(string Host, string EventType, object Body, string IdempotencyKey);

/// <summary>One booking a client saw confirmed, with what was seen since.</summary>
public sealed class SeenBooking(string id, string host, string eventType, string manageToken, string clientEmail)
{
    public string Id { get; } = id;

    public string Host { get; } = host;

    public string EventType { get; } = eventType;

    public string ManageToken { get; } = manageToken;

    public string ClientEmail { get; } = clientEmail;

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public required BookingState State { get; set; }

    /// <summary>How many no-show marks took effect (each is one booking.no_show event).</summary>
    public int NoShowMarks { get; private set; }

    /// <summary>Whether the last change ended without a definitive answer and has not been read back yet.</summary>
    public bool Unresolved { get; set; }

    /// <summary>Adopts <paramref name="next"/> (an answer or a read-back) and counts a no-show mark it reveals.</summary>
    public void Observe(BookingState next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.NoShow && !State.NoShow)
        {
            NoShowMarks++;
        }

        State = next;
    }
}

/// <summary>A booking's state as the API answered it.</summary>
public sealed record BookingState(string Status, DateTimeOffset Start, DateTimeOffset End, int Sequence, bool NoShow)
{
    public bool Confirmed => Status == "confirmed";

    public static BookingState From(JsonElement body) => new(
        body.GetProperty("status").GetString()!,
        DateTimeOffset.Parse(body.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(body.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        body.GetProperty("sequence").GetInt32(),
        body.GetProperty("noShow").GetBoolean());
}
