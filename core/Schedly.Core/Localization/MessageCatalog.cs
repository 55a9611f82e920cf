using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Schedly.Core.Localization;

/// <summary>
/// The messages of one locale, keyed by dotted names (<c>email.created.subject</c>, <c>page.book.submit</c>). The
/// catalogs are JSON files embedded in this assembly (<see cref="MessageCatalogs"/>); the pages get their <c>page.*</c>
/// part as JSON in the HTML (<see cref="ToJson"/>) and pluralise with <c>Intl.PluralRules</c>, emails and calendar
/// entries use <see cref="Text"/> and <see cref="Plural"/> here with <see cref="PluralRules"/>.
/// </summary>
public sealed class MessageCatalog
{
    private static readonly JsonSerializerOptions ScriptSafe = new()
    {
        // Every character stays readable, while <, >, &, quotes and + are escaped: safe inside an HTML <script> data block.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly IReadOnlyDictionary<string, CatalogEntry> _entries;

    private MessageCatalog(string locale, IReadOnlyDictionary<string, CatalogEntry> entries)
    {
        Locale = locale;
        _entries = entries;
    }

    public string Locale { get; }

    public IReadOnlyDictionary<string, CatalogEntry> Entries => _entries;

    /// <summary>Reads a catalog: an object of strings, objects of plural forms and arrays of strings.</summary>
    public static MessageCatalog Parse(string locale, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(locale);
        ArgumentNullException.ThrowIfNull(json);
        var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        foreach (var property in document.RootElement.EnumerateObject())
        {
            entries[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => new CatalogEntry.Message(property.Value.GetString()!),
                JsonValueKind.Array => new CatalogEntry.List(property.Value.EnumerateArray().Select(i => StringOf(locale, property.Name, i)).ToArray()),
                JsonValueKind.Object => new CatalogEntry.Plural(property.Value.EnumerateObject().ToDictionary(
                    form => Enum.TryParse<PluralCategory>(form.Name, ignoreCase: true, out var category) && PluralRules.Name(category) == form.Name
                        ? category
                        : throw new CatalogException($"{locale}: '{property.Name}' has an unknown plural category '{form.Name}'."),
                    form => StringOf(locale, property.Name, form.Value))),
                _ => throw new CatalogException($"{locale}: '{property.Name}' is neither a message, plural forms nor a list."),
            };
        }

        return new MessageCatalog(locale, entries);
    }

    /// <summary>The message <paramref name="key"/> with its placeholders filled.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? values = null) =>
        Get(key) is CatalogEntry.Message message
            ? MessageText.Format(message.Text, values ?? EmptyValues)
            : throw new CatalogException($"{Locale}: '{key}' is not a plain message.");

    /// <summary>The form of <paramref name="key"/> for <paramref name="count"/>, with <c>{count}</c> and the other placeholders filled.</summary>
    public string Plural(string key, long count, IReadOnlyDictionary<string, string>? values = null)
    {
        if (Get(key) is not CatalogEntry.Plural plural)
        {
            throw new CatalogException($"{Locale}: '{key}' has no plural forms.");
        }

        var category = PluralRules.Select(Locale, count);
        var form = plural.Forms.TryGetValue(category, out var exact) ? exact : plural.Forms[PluralCategory.Other];
        var all = new Dictionary<string, string>(values ?? EmptyValues, StringComparer.Ordinal)
        {
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        };
        return MessageText.Format(form, all);
    }

    /// <summary>The list <paramref name="key"/> (month or weekday names).</summary>
    public IReadOnlyList<string> List(string key) =>
        Get(key) is CatalogEntry.List list ? list.Items : throw new CatalogException($"{Locale}: '{key}' is not a list.");

    /// <summary>The entries whose keys start with <paramref name="prefix"/> as a JSON object, safe to put in an HTML script data block.</summary>
    public string ToJson(string prefix)
    {
        var json = new JsonObject();
        foreach (var (key, entry) in _entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json[key] = entry switch
            {
                CatalogEntry.Message message => JsonValue.Create(message.Text),
                CatalogEntry.List list => new JsonArray(list.Items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                CatalogEntry.Plural plural => new JsonObject(plural.Forms.Select(f => KeyValuePair.Create(PluralRules.Name(f.Key), (JsonNode?)JsonValue.Create(f.Value)))),
                _ => throw new CatalogException($"{Locale}: '{key}' has an unknown entry type."),
            };
        }

        return json.ToJsonString(ScriptSafe);
    }

    private static readonly Dictionary<string, string> EmptyValues = new(StringComparer.Ordinal);

    private CatalogEntry Get(string key) =>
        _entries.TryGetValue(key, out var entry) ? entry : throw new CatalogException($"{Locale}: no message '{key}'.");

    private static string StringOf(string locale, string key, JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new CatalogException($"{locale}: '{key}' holds something other than text.");
}
