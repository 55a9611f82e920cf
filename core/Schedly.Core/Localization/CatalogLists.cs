namespace Schedly.Core.Localization;

/// <summary>
/// Lists of names in a catalog's language, joined as CLDR list patterns join them: <c>Ada</c>, <c>Ada and Grace</c>,
/// <c>Ada, Grace and Alan</c>, <c>Ada, Grace und Alan</c>, <c>Ada وGrace وAlan</c>. The patterns come from the catalog:
/// <c>list.and.two</c> for exactly two, <c>list.and.end</c> for the last two of longer lists and <c>list.and.middle</c>
/// for each item before them, each with <c>{first}</c> and <c>{rest}</c>.
/// </summary>
public sealed class CatalogLists(MessageCatalog catalog)
{
    /// <summary>Every item of <paramref name="items"/>, in order, joined with the language's "and"; "" for none.</summary>
    public string And(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => Join("list.and.two", items[0], items[1]),
            _ => items.Take(items.Count - 2).Reverse()
                .Aggregate(Join("list.and.end", items[^2], items[^1]), (rest, first) => Join("list.and.middle", first, rest)),
        };
    }

    private string Join(string pattern, string first, string rest) =>
        catalog.Text(pattern, new Dictionary<string, string>(StringComparer.Ordinal) { ["first"] = first, ["rest"] = rest });
}
