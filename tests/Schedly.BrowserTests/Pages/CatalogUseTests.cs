using System.Text.RegularExpressions;
using Schedly.Core.Localization;
using Schedly.Functions.Pages;

namespace Schedly.BrowserTests.Pages;

/// <summary>Every message key the pages name exists in the catalogs (which hold the same keys, see the core tests), in the right shape.</summary>
public sealed partial class CatalogUseTests
{
    private static readonly MessageCatalog English = MessageCatalogs.For("en");

    private static IEnumerable<string> PageFiles(string pattern) =>
        Directory.EnumerateFiles(ServePage.WebRoot, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}vendor{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Scripts_EveryPageKeyTheyName_IsInTheCatalog()
    {
        var used = PageFiles("*.js").SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(u => !English.Entries.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").ToArray();
        Assert.True(missing.Length == 0, "Not in the catalog: " + string.Join(", ", missing));
        var plurals = PageFiles("*.js").SelectMany(f => PluralCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(plurals);
        Assert.All(plurals, key => Assert.IsType<CatalogEntry.Plural>(English.Entries[key]));
    }

    [Theory]
    [InlineData("book.html")]
    [InlineData("manage.html")]
    [InlineData("approve.html")]
    public void Page_RendersInEveryLanguageWithNoPlaceholderLeft(string name)
    {
        var template = File.ReadAllText(Path.Combine(ServePage.WebRoot, name));
        foreach (var locale in SupportedLocales.All)
        {
            var html = name == "book.html"
                ? LocalizedPages.Booking(template, locale, null, "intro", proofOfWork: false)
                : LocalizedPages.TokenPage(template, locale);
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            Assert.Contains($"<html lang=\"{locale}\" dir=\"{SupportedLocales.Direction(locale)}\" data-embed-origin=\"\">", html, StringComparison.Ordinal);
            Assert.Contains(MessageCatalogs.For(locale).Text("page.skip"), html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("\"(page\\.[A-Za-z0-9.]+)\"")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("\\btp\\(\"(page\\.[A-Za-z0-9.]+)\"")]
    private static partial Regex PluralCall();
}
