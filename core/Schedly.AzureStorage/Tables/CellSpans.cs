using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.AzureStorage.Tables;

/// <summary>The bookings listed in one <c>cell|</c> row, stored as a compact JSON array in its <c>Spans</c> column.</summary>
internal static class CellSpans
{
    public const string Column = "Spans";

    public static List<BookedSpan> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var records = JsonSerializer.Deserialize<List<SpanRecord>>(json) ?? [];
        return records.Select(r => new BookedSpan(
            r.Id,
            r.EventType,
            Instant.FromUnixTimeSeconds(r.Start),
            Instant.FromUnixTimeSeconds(r.End),
            Duration.FromMinutes(r.BufferBefore),
            Duration.FromMinutes(r.BufferAfter))).ToList();
    }

    public static string Write(IEnumerable<BookedSpan> spans) => JsonSerializer.Serialize(spans.Select(s => new SpanRecord(
        s.BookingRandomId,
        s.EventType,
        s.Start.ToUnixTimeSeconds(),
        s.End.ToUnixTimeSeconds(),
        (int)s.BufferBefore.TotalMinutes,
        (int)s.BufferAfter.TotalMinutes)).ToList());

    private sealed record SpanRecord(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("et")] string EventType,
        [property: JsonPropertyName("s")] long Start,
        [property: JsonPropertyName("e")] long End,
        [property: JsonPropertyName("bb")] int BufferBefore,
        [property: JsonPropertyName("ba")] int BufferAfter);
}
