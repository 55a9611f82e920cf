using System.Globalization;

namespace Schedly.Core.Localization;

/// <summary>
/// The language ranges of an <c>Accept-Language</c> header (RFC 9110 §12.5.4) in order of preference: highest
/// <c>q</c> first, ties in the order given; ranges with <c>q=0</c>, <c>*</c> and malformed entries are dropped.
/// </summary>
public static class AcceptLanguage
{
    private const int MaxRanges = 20;

    public static IReadOnlyList<string> Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        var ranges = new List<(string Range, decimal Quality, int Order)>();
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxRanges))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var range = pieces[0];
            if (range.Length is 0 or > 35 || range == "*" || !range.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                continue;
            }

            var quality = 1m;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
                {
                    quality = decimal.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q <= 1m
                        ? q
                        : 0m;
                }
            }

            if (quality > 0m)
            {
                ranges.Add((range, quality, ranges.Count));
            }
        }

        return ranges.OrderByDescending(r => r.Quality).ThenBy(r => r.Order).Select(r => r.Range).ToArray();
    }
}
