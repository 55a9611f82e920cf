namespace Schedly.Core.Localization;

/// <summary>
/// The languages Schedly's pages, emails and calendar entries speak, each with a message catalog in
/// <c>Localization/Messages/{locale}.json</c>. Any BCP 47 tag maps to one of them (<see cref="Match"/>): the tag itself,
/// else its language (<c>de-AT</c> → <c>de</c>, <c>pt-PT</c> and <c>pt</c> → <c>pt-BR</c>, <c>ar-EG</c> → <c>ar</c>).
/// </summary>
public static class SupportedLocales
{
    public const string Default = "en";

    /// <summary>Every supported locale, <see cref="Default"/> first.</summary>
    public static IReadOnlyList<string> All { get; } = ["en", "de", "fr", "es", "pt-BR", "ar"];

    private static readonly HashSet<string> RightToLeftLanguages = new(StringComparer.OrdinalIgnoreCase) { "ar" };

    /// <summary>The supported locale a tag asks for, or null when its language is not one of ours.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var trimmed = tag.Trim();
        var exact = All.FirstOrDefault(l => string.Equals(l, trimmed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var dash = trimmed.IndexOfAny(['-', '_']);
        var language = dash < 0 ? trimmed : trimmed[..dash];
        return All.FirstOrDefault(l => string.Equals(LanguageOf(l), language, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The language subtag: <c>pt</c> for <c>pt-BR</c>.</summary>
    public static string LanguageOf(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? locale : locale[..dash]).ToLowerInvariant();
    }

    /// <summary><c>rtl</c> for right-to-left languages (Arabic), else <c>ltr</c>: the HTML <c>dir</c> attribute.</summary>
    public static string Direction(string locale) => RightToLeftLanguages.Contains(LanguageOf(locale)) ? "rtl" : "ltr";
}
