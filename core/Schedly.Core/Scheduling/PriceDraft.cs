using System.Globalization;
using System.Text.RegularExpressions;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A price as a client sent it: <c>{ "amount": "50.00", "currency": "EUR" }</c>. The amount is a decimal string
/// (digits, optionally a dot and one or two digits; no sign, no exponent, at most 12 integer digits); the currency
/// is three uppercase letters (ISO 4217 shape).
/// </summary>
public sealed partial record PriceDraft(string? Amount, string? Currency)
{
    internal Price? Validate(string field, ValidationErrors errors)
    {
        decimal? amount = null;
        if (string.IsNullOrWhiteSpace(Amount))
        {
            errors.Add(field + ".amount", "Required: a decimal string such as \"50.00\".");
        }
        else if (!AmountShape().IsMatch(Amount))
        {
            errors.Add(field + ".amount", "Must be a non-negative decimal string with at most two fraction digits, such as \"50.00\".");
        }
        else
        {
            amount = decimal.Parse(Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var currencyValid = Currency is not null && Price.IsCurrencyCode(Currency);
        if (!currencyValid)
        {
            errors.Add(field + ".currency", "Must be an ISO 4217 currency code: three uppercase letters such as EUR.");
        }

        return amount is { } a && currencyValid ? new Price(a, Currency!) : null;
    }

    [GeneratedRegex(@"^[0-9]{1,12}(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AmountShape();
}
