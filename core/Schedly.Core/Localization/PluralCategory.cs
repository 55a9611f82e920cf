namespace Schedly.Core.Localization;

/// <summary>The CLDR plural categories (names as in the catalogs and in <c>Intl.PluralRules</c>).</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}
