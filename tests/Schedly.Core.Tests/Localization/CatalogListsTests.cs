using Schedly.Core.Localization;

namespace Schedly.Core.Tests.Localization;

/// <summary>Lists of names joined as each language joins them.</summary>
public sealed class CatalogListsTests
{
    [Theory]
    [InlineData("en", new string[0], "")]
    [InlineData("en", new[] { "Ada" }, "Ada")]
    [InlineData("en", new[] { "Ada", "Grace" }, "Ada and Grace")]
    [InlineData("en", new[] { "Ada", "Grace", "Alan" }, "Ada, Grace and Alan")]
    [InlineData("en", new[] { "Ada", "Grace", "Alan", "Katherine" }, "Ada, Grace, Alan and Katherine")]
    [InlineData("de", new[] { "Ada", "Grace", "Alan" }, "Ada, Grace und Alan")]
    [InlineData("fr", new[] { "Ada", "Grace" }, "Ada et Grace")]
    [InlineData("es", new[] { "Ada", "Grace", "Alan" }, "Ada, Grace y Alan")]
    [InlineData("pt-BR", new[] { "Ada", "Grace", "Alan" }, "Ada, Grace e Alan")]
    [InlineData("ar", new[] { "Ada", "Grace", "Alan" }, "Ada وGrace وAlan")]
    public void And_JoinsInTheLanguage(string locale, string[] items, string expected)
    {
        Assert.Equal(expected, new CatalogLists(MessageCatalogs.For(locale)).And(items));
    }

    [Fact]
    public void And_NameContainingPlaceholderSyntax_IsNotExpanded()
    {
        Assert.Equal("{rest}, Ada and {first}", new CatalogLists(MessageCatalogs.For("en")).And(["{rest}", "Ada", "{first}"]));
    }
}
