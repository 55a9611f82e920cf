namespace Schedly.Core.Localization;

/// <summary>
/// CLDR cardinal plural rules for whole numbers in the supported languages (the same answers as the browser's
/// <c>Intl.PluralRules</c>, which a browser test checks):
/// <list type="bullet">
/// <item><c>en</c>, <c>de</c>: one (1), other.</item>
/// <item><c>es</c>: one (1), many (a non-zero multiple of 1 000 000), other.</item>
/// <item><c>fr</c>, <c>pt</c>: one (0 and 1), many (a non-zero multiple of 1 000 000), other.</item>
/// <item><c>ar</c>: zero (0), one (1), two (2), few (n % 100 in 3–10), many (n % 100 in 11–99), other.</item>
/// </list>
/// </summary>
public static class PluralRules
{
    private static readonly PluralCategory[] OneOther = [PluralCategory.One, PluralCategory.Other];
    private static readonly PluralCategory[] OneManyOther = [PluralCategory.One, PluralCategory.Many, PluralCategory.Other];
    private static readonly PluralCategory[] Arabic =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];

    /// <summary>The category of a whole number <paramref name="count"/> (its absolute value) in <paramref name="locale"/>.</summary>
    public static PluralCategory Select(string locale, long count)
    {
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        var millions = n != 0 && n % 1_000_000 == 0;
        return SupportedLocales.LanguageOf(locale) switch
        {
            "fr" or "pt" => n <= 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,
            "es" => n == 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,
            "ar" => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when n % 100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when n % 100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The categories whole numbers fall into in <paramref name="locale"/>: the forms a plural message must have.</summary>
    public static IReadOnlyList<PluralCategory> Categories(string locale) => SupportedLocales.LanguageOf(locale) switch
    {
        "fr" or "pt" or "es" => OneManyOther,
        "ar" => Arabic,
        _ => OneOther,
    };

    /// <summary>The catalog's (and <c>Intl.PluralRules</c>') name of a category: <c>one</c>, <c>many</c>…</summary>
    public static string Name(PluralCategory category) => category.ToString().ToLowerInvariant();
}
