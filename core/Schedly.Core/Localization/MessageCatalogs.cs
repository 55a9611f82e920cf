using System.Collections.Concurrent;
using System.Reflection;

namespace Schedly.Core.Localization;

/// <summary>
/// The catalogs shipped with Schedly, one per <see cref="SupportedLocales.All"/>, embedded from
/// <c>Localization/Messages/{locale}.json</c>: the one source of every user-visible word of the pages, the emails and
/// the calendar entries. The pages get their <c>page.*</c> part inside the HTML the server renders, so there is no
/// second copy to keep in step.
/// </summary>
public static class MessageCatalogs
{
    private const string Prefix = "Schedly.Core.Localization.Messages.";

    private static readonly ConcurrentDictionary<string, MessageCatalog> Cache = new(StringComparer.Ordinal);

    /// <summary>The catalog for a supported locale, or for what <paramref name="tag"/> maps to (English when nothing does).</summary>
    public static MessageCatalog For(string? tag)
    {
        var locale = SupportedLocales.Match(tag) ?? SupportedLocales.Default;
        return Cache.GetOrAdd(locale, Load);
    }

    private static MessageCatalog Load(string locale)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + locale + ".json")
            ?? throw new CatalogException($"No catalog is embedded for '{locale}'.");
        using var reader = new StreamReader(stream);
        return MessageCatalog.Parse(locale, reader.ReadToEnd());
    }
}
