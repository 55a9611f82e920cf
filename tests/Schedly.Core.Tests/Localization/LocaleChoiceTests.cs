using Schedly.Core.Localization;

namespace Schedly.Core.Tests.Localization;

public class LocaleChoiceTests
{
    [Theory]
    [InlineData("de", "fr", "es", "de")]
    [InlineData("pt-br", null, null, "pt-BR")]
    [InlineData("xx", "fr-CA,fr;q=0.9", "en", "fr")]
    [InlineData(null, "ja, de;q=0.5, ar;q=0.8", "en", "ar")]
    [InlineData(null, "de;q=0.2, es;q=0.9", "en", "es")]
    [InlineData(null, "es;q=0, pt-PT;q=0.5", "en", "pt-BR")]
    [InlineData(null, "ja, zh-CN;q=0.9", "de", "de")]
    [InlineData(null, "*", "ar-EG", "ar")]
    [InlineData(null, null, "it", "en")]
    [InlineData("", "", "", "en")]
    public void Choose_QueryThenAcceptLanguageThenHostDefault(string? requested, string? acceptLanguage, string? hostDefault, string expected)
    {
        Assert.Equal(expected, LocaleChoice.Choose(requested, acceptLanguage, hostDefault));
    }

    [Fact]
    public void Parse_QValues_OrderByPreferenceThenPosition()
    {
        Assert.Equal(["fr-CH", "fr", "en", "de"], AcceptLanguage.Parse("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"));
        Assert.Equal(["de", "en"], AcceptLanguage.Parse("en;q=0.5,de"));
        Assert.Equal(["en"], AcceptLanguage.Parse("en;q=1.5x, en;q=0.3, <script>;q=1"));
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("ar-EG", "rtl")]
    [InlineData("de", "ltr")]
    [InlineData("pt-BR", "ltr")]
    public void Direction_ArabicIsRightToLeft(string locale, string expected)
    {
        Assert.Equal(expected, SupportedLocales.Direction(locale));
    }
}
