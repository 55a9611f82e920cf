using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Schedly.Soak;

/// <summary>
/// One host-local day of one event type, in the figures that do not move with the clock (not "completed", which grows
/// as meetings end): booked, cancelled, rescheduled, no-shows and revenue per currency.
/// </summary>
public sealed record AnalyticsDay(string Host, string Date, string EventType, int Booked, int Cancelled, int Rescheduled, int NoShows, string Revenue)
{
    /// <summary>The days of <c>GET /api/admin/hosts/{host}/analytics</c>.</summary>
    public static IReadOnlyList<AnalyticsDay> FromApi(string host, JsonElement body) => body.GetProperty("days").EnumerateArray()
        .Select(d => new AnalyticsDay(
            host,
            d.GetProperty("date").GetString()!,
            d.GetProperty("eventType").GetString()!,
            d.GetProperty("booked").GetInt32(),
            d.GetProperty("cancelled").GetInt32(),
            d.GetProperty("rescheduled").GetInt32(),
            d.GetProperty("noShows").GetInt32(),
            Money(d.GetProperty("revenue").EnumerateObject().Select(p => (p.Name, decimal.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture))))))
        .Where(d => d.Booked > 0)
        .OrderBy(d => d.Date, StringComparer.Ordinal).ThenBy(d => d.EventType, StringComparer.Ordinal)
        .ToList();

    /// <summary>The same figures counted here from the stored bookings, independently of the app's calculator.</summary>
    public static IReadOnlyList<AnalyticsDay> Recount(SoakHost host, IEnumerable<StoredBooking> bookings)
    {
        ArgumentNullException.ThrowIfNull(host);
        var zone = DateTimeZoneProviders.Tzdb[host.TimeZone];
        return bookings.Where(b => b.Host == host.Slug)
            .GroupBy(b => (Date: Instant.FromDateTimeOffset(b.Start).InZone(zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.EventType))
            .Select(g => new AnalyticsDay(
                host.Slug,
                g.Key.Date,
                g.Key.EventType,
                g.Count(),
                g.Count(b => !b.Confirmed),
                g.Count(b => b.Sequence > 0),
                g.Count(b => b.Confirmed && b.NoShow),
                Money(g.Where(b => b.Confirmed && b.PriceCurrency is not null)
                    .Select(b => (b.PriceCurrency!, decimal.Parse(b.PriceAmount!, CultureInfo.InvariantCulture))))))
            .OrderBy(d => d.Date, StringComparer.Ordinal).ThenBy(d => d.EventType, StringComparer.Ordinal)
            .ToList();
    }

    private static string Money(IEnumerable<(string Currency, decimal Amount)> amounts) => string.Join("; ", amounts
        .GroupBy(a => a.Currency, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key} {g.Sum(a => a.Amount).ToString("0.00", CultureInfo.InvariantCulture)}"));
}
