namespace Schedly.Core.Localization;

/// <summary>One entry of a message catalog: a message, a message per plural category, or a list (month names…).</summary>
public abstract record CatalogEntry
{
    private CatalogEntry()
    {
    }

    /// <summary>A message with <c>{name}</c> placeholders.</summary>
    public sealed record Message(string Text) : CatalogEntry;

    /// <summary>One message per CLDR plural category (<c>one</c>, <c>other</c>…); <c>{count}</c> is the number.</summary>
    public sealed record Plural(IReadOnlyDictionary<PluralCategory, string> Forms) : CatalogEntry;

    /// <summary>A fixed list of words, e.g. the twelve month names.</summary>
    public sealed record List(IReadOnlyList<string> Items) : CatalogEntry;
}
