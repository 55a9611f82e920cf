namespace Schedly.Core.Scheduling;

/// <summary>
/// What an event type costs: a non-negative amount with at most two fraction digits and an ISO 4217 currency code
/// (three uppercase letters; the code is checked for shape, not against the ISO list).
/// </summary>
public sealed record Price
{
    public Price(decimal amount, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentNullException.ThrowIfNull(currency);
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException("At most two fraction digits.", nameof(amount));
        }

        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException("Currency must be three uppercase letters (ISO 4217).", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    internal static bool IsCurrencyCode(string value) =>
        value.Length == 3 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])
        && char.IsAsciiLetterUpper(value[2]);
}
