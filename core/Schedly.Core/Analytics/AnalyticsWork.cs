using System.Text.Json;
using NodaTime;

namespace Schedly.Core.Analytics;

/// <summary>
/// An <c>analytics</c> queue message: recompute the days of <see cref="Host"/> that <see cref="Starts"/> fall on in
/// the host's zone (a booking event's start, and its previous start when it moved).
/// </summary>
public sealed record AnalyticsWork(string Host, IReadOnlyList<Instant> Starts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(new Wire(Host, [.. Starts.Select(s => s.ToUnixTimeMilliseconds())]), Json);

    /// <summary>The work, or null for a message that is not one (it then goes to the poison queue).</summary>
    public static AnalyticsWork? TryParse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(message, Json);
            return wire is { Host.Length: > 0, Starts.Count: > 0 and <= 2 }
                ? new AnalyticsWork(wire.Host, [.. wire.Starts.Select(Instant.FromUnixTimeMilliseconds)])
                : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Equal when they name the same host and instants (the list compared by content).</summary>
    public bool Equals(AnalyticsWork? other) =>
        other is not null && string.Equals(Host, other.Host, StringComparison.Ordinal) && Starts.SequenceEqual(other.Starts);

    public override int GetHashCode() => HashCode.Combine(Host, Starts.Count);

    private sealed record Wire(string? Host, List<long>? Starts);
}

/// <summary>Sends <see cref="AnalyticsWork"/> to the <c>analytics</c> queue.</summary>
public interface IAnalyticsQueue
{
    Task EnqueueAsync(AnalyticsWork work, CancellationToken cancellationToken);
}
