using Schedly.Core.Localization;

namespace Schedly.Core.Tests.Localization;

/// <summary>Every catalog says everything English says, in the shape its language needs.</summary>
public class MessageCatalogCompletenessTests
{
    public static TheoryData<string> Locales() => new(SupportedLocales.All);

    private static MessageCatalog English => MessageCatalogs.For("en");

    [Theory]
    [MemberData(nameof(Locales))]
    public void Catalog_EveryEnglishKey_IsPresentWithTheSameKind(string locale)
    {
        var catalog = MessageCatalogs.For(locale);
        Assert.Equal(locale, catalog.Locale);
        var missing = English.Entries.Keys.Except(catalog.Entries.Keys).Order(StringComparer.Ordinal).ToArray();
        var extra = catalog.Entries.Keys.Except(English.Entries.Keys).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"{locale} lacks: {string.Join(", ", missing)}");
        Assert.True(extra.Length == 0, $"{locale} has keys English lacks: {string.Join(", ", extra)}");
        foreach (var (key, entry) in English.Entries)
        {
            Assert.True(entry.GetType() == catalog.Entries[key].GetType(), $"{locale}: '{key}' is a {catalog.Entries[key].GetType().Name}, English a {entry.GetType().Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Catalog_EveryPluralMessage_HasExactlyTheLanguagesCategories(string locale)
    {
        var expected = PluralRules.Categories(locale).Order().ToArray();
        foreach (var (key, entry) in MessageCatalogs.For(locale).Entries)
        {
            if (entry is CatalogEntry.Plural plural)
            {
                Assert.True(expected.SequenceEqual(plural.Forms.Keys.Order()), $"{locale}: '{key}' has {string.Join(",", plural.Forms.Keys.Order())}, needs {string.Join(",", expected)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Catalog_Messages_UseTheEnglishPlaceholders(string locale)
    {
        foreach (var (key, entry) in MessageCatalogs.For(locale).Entries)
        {
            switch (entry, English.Entries[key])
            {
                case (CatalogEntry.Message message, CatalogEntry.Message english):
                    Assert.True(MessageText.Placeholders(english.Text).SetEquals(MessageText.Placeholders(message.Text)), $"{locale}: '{key}' placeholders differ from English");
                    break;
                case (CatalogEntry.Plural plural, CatalogEntry.Plural english):
                    // A form may leave out {count} where the language says the number in words ("دقيقتان": two minutes).
                    var allowed = english.Forms.Values.SelectMany(MessageText.Placeholders).ToHashSet(StringComparer.Ordinal);
                    var others = allowed.Where(p => p != "count").ToHashSet(StringComparer.Ordinal);
                    foreach (var form in plural.Forms.Values)
                    {
                        var used = MessageText.Placeholders(form);
                        Assert.True(used.IsSubsetOf(allowed) && others.IsSubsetOf(used), $"{locale}: '{key}' form \"{form}\" placeholders differ from English");
                    }

                    break;
                case (CatalogEntry.List list, CatalogEntry.List english):
                    Assert.Equal(english.Items.Count, list.Items.Count);
                    Assert.All(list.Items, item => Assert.False(string.IsNullOrWhiteSpace(item)));
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Catalog_NoMessage_IsBlank(string locale)
    {
        foreach (var (key, entry) in MessageCatalogs.For(locale).Entries)
        {
            var texts = entry switch
            {
                CatalogEntry.Message m => [m.Text],
                CatalogEntry.Plural p => p.Forms.Values,
                _ => Array.Empty<string>(),
            };
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), $"{locale}: '{key}' is blank"));
        }
    }

    [Fact]
    public void Parse_UnknownPluralCategory_Throws()
    {
        Assert.Throws<CatalogException>(() => MessageCatalog.Parse("en", """{ "a": { "one": "x", "several": "y" } }"""));
    }

    [Fact]
    public void Text_MissingKey_Throws()
    {
        Assert.Throws<CatalogException>(() => English.Text("page.no.such.key"));
    }

    [Theory]
    [InlineData("en", 1, "1 minute")]
    [InlineData("en", 30, "30 minutes")]
    [InlineData("de", 1, "1 Minute")]
    [InlineData("de", 45, "45 Minuten")]
    [InlineData("fr", 0, "0 minute")]
    [InlineData("fr", 1_000_000, "1000000 de minutes")]
    [InlineData("pt-BR", 0, "0 minuto")]
    [InlineData("es", 0, "0 minutos")]
    [InlineData("ar", 2, "دقيقتان")]
    [InlineData("ar", 5, "5 دقائق")]
    [InlineData("ar", 15, "15 دقيقة")]
    [InlineData("ar", 100, "100 دقيقة")]
    public void Plural_Minutes_TakesTheLanguagesForm(string locale, long count, string expected)
    {
        Assert.Equal(expected, MessageCatalogs.For(locale).Plural("email.minutes", count));
    }

    [Fact]
    public void ToJson_PagePart_IsScriptSafeAndKeepsLetters()
    {
        var json = MessageCatalogs.For("de").ToJson("page.");
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("email.", json, StringComparison.Ordinal);
        Assert.Contains("\"page.book.submit\":\"Buchung bestätigen\"", json, StringComparison.Ordinal);
        Assert.Contains("\"page.minutes\":{\"one\":", json, StringComparison.Ordinal);
    }
}
