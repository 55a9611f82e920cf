using System.Text;
using Schedly.Core.Localization;

namespace Schedly.Functions.Pages;

/// <summary>
/// Fills a page's HTML in one pass: <c>{{page.book.submit}}</c> takes that catalog message, HTML-encoded;
/// <c>{{@name}}</c> takes a value the server knows (the language, the host's name…), HTML-encoded;
/// <c>{{json:name}}</c> takes a JSON document made safe for a <c>&lt;script type="application/json"&gt;</c> block
/// (no <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c> unescaped). A placeholder without a value is a bug and throws.
/// </summary>
public static class PageTemplate
{
    public static string Render(
        string html,
        MessageCatalog catalog,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> json)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(json);
        var output = new StringBuilder(html.Length + 4096);
        var position = 0;
        while (html.IndexOf("{{", position, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = html.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new CatalogException($"'{{{{' at {open} is not closed.");
            }

            var name = html[(open + 2)..close];
            output.Append(html, position, open - position);
            output.Append(name switch
            {
                _ when name.StartsWith('@') => Encode(values.TryGetValue(name[1..], out var value)
                    ? value
                    : throw new CatalogException($"No value for '{{{{{name}}}}}'.")),
                _ when name.StartsWith("json:", StringComparison.Ordinal) => json.TryGetValue(name[5..], out var document)
                    ? document
                    : throw new CatalogException($"No JSON for '{{{{{name}}}}}'."),
                _ => Encode(catalog.Text(name)),
            });
            position = close + 2;
        }

        output.Append(html, position, html.Length - position);
        return output.ToString();
    }

    /// <summary>Text and attribute safe (<c>&amp; &lt; &gt; " '</c>); every other character stays as it is, so Arabic or German reads as written.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
