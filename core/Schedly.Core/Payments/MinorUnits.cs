using Schedly.Core.Scheduling;

namespace Schedly.Core.Payments;

/// <summary>
/// Prices in the smallest unit of their currency, as payment providers count them: cents for EUR and USD, whole yen
/// for JPY. The zero-decimal currencies are Stripe's list; every other currency has two decimals here (prices have at
/// most two fraction digits).
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    /// <summary>The amount in minor units; a zero-decimal price with a fraction is rounded half away from zero.</summary>
    public static long Of(Price price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return ZeroDecimal.Contains(price.Currency)
            ? (long)decimal.Round(price.Amount, 0, MidpointRounding.AwayFromZero)
            : (long)(price.Amount * 100m);
    }
}
