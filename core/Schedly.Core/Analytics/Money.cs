using Schedly.Core.Bookings;

namespace Schedly.Core.Analytics;

/// <summary>Amounts per currency (ISO 4217 code → amount), summed and ordered by code.</summary>
public static class Money
{
    /// <summary>The prices of <paramref name="bookings"/> (those that have one), per currency.</summary>
    public static IReadOnlyDictionary<string, decimal> Of(IEnumerable<Booking> bookings) =>
        Sum(bookings.Where(b => b.Price is not null).Select(b => new KeyValuePair<string, decimal>(b.Price!.Currency, b.Price.Amount)));

    /// <summary>The amounts summed per currency.</summary>
    public static IReadOnlyDictionary<string, decimal> Sum(IEnumerable<KeyValuePair<string, decimal>> amounts) =>
        amounts.GroupBy(a => a.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
}
