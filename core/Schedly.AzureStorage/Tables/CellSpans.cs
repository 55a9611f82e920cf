using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// The bookings listed in one <c>cell|</c> row, stored as a compact JSON array in its <c>Spans</c> column. Bookings
/// sharing event type, start, end and buffers (the seats of one session) are written as one record listing their ids
/// (<c>ids</c>), so a 1,000-seat session stays well inside a string column's 64 KiB; records of one id (<c>id</c>)
/// are read as before.
/// </summary>
internal static class CellSpans
{
    public const string Column = "Spans";

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static List<BookedSpan> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var records = JsonSerializer.Deserialize<List<SpanRecord>>(json) ?? [];
        return records.SelectMany(r => (r.Ids ?? [r.Id!]).Select(id => new BookedSpan(
            id,
            r.EventType,
            Instant.FromUnixTimeSeconds(r.Start),
            Instant.FromUnixTimeSeconds(r.End),
            Duration.FromMinutes(r.BufferBefore),
            Duration.FromMinutes(r.BufferAfter)))).ToList();
    }

    public static string Write(IEnumerable<BookedSpan> spans) => JsonSerializer.Serialize(spans
        .GroupBy(s => (s.EventType, s.Start, s.End, s.BufferBefore, s.BufferAfter))
        .Select(g =>
        {
            var ids = g.Select(s => s.BookingRandomId).ToList();
            return new SpanRecord(
                ids.Count == 1 ? ids[0] : null,
                ids.Count == 1 ? null : ids,
                g.Key.EventType,
                g.Key.Start.ToUnixTimeSeconds(),
                g.Key.End.ToUnixTimeSeconds(),
                (int)g.Key.BufferBefore.TotalMinutes,
                (int)g.Key.BufferAfter.TotalMinutes);
        }).ToList(), Options);

    private sealed record SpanRecord(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("ids")] List<string>? Ids,
        [property: JsonPropertyName("et")] string EventType,
        [property: JsonPropertyName("s")] long Start,
        [property: JsonPropertyName("e")] long End,
        [property: JsonPropertyName("bb")] int BufferBefore,
        [property: JsonPropertyName("ba")] int BufferAfter);
}
