using FsCheck;
using FsCheck.Xunit;
using Schedly.Core.Localization;

namespace Schedly.Core.Tests.Localization;

public class PluralRulesTests
{
    [Theory]
    [InlineData("en", 0, PluralCategory.Other)]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 2, PluralCategory.Other)]
    [InlineData("de", 1, PluralCategory.One)]
    [InlineData("de", 1_000_000, PluralCategory.Other)]
    [InlineData("fr", 0, PluralCategory.One)]
    [InlineData("fr", 1, PluralCategory.One)]
    [InlineData("fr", 2, PluralCategory.Other)]
    [InlineData("fr", 1_000_000, PluralCategory.Many)]
    [InlineData("es", 0, PluralCategory.Other)]
    [InlineData("es", 1, PluralCategory.One)]
    [InlineData("es", 2_000_000, PluralCategory.Many)]
    [InlineData("pt-BR", 0, PluralCategory.One)]
    [InlineData("pt-BR", 1, PluralCategory.One)]
    [InlineData("pt-BR", 2, PluralCategory.Other)]
    [InlineData("ar", 0, PluralCategory.Zero)]
    [InlineData("ar", 1, PluralCategory.One)]
    [InlineData("ar", 2, PluralCategory.Two)]
    [InlineData("ar", 3, PluralCategory.Few)]
    [InlineData("ar", 10, PluralCategory.Few)]
    [InlineData("ar", 11, PluralCategory.Many)]
    [InlineData("ar", 99, PluralCategory.Many)]
    [InlineData("ar", 100, PluralCategory.Other)]
    [InlineData("ar", 102, PluralCategory.Other)]
    [InlineData("ar", 103, PluralCategory.Few)]
    [InlineData("ar", 111, PluralCategory.Many)]
    public void Select_KnownNumbers_GiveCldrCategory(string locale, long count, PluralCategory expected)
    {
        Assert.Equal(expected, PluralRules.Select(locale, count));
    }

    [Property]
    public bool Select_AnyNumberInAnyLocale_IsOneOfTheLocalesCategories(long count, PositiveInt localeIndex)
    {
        var locale = SupportedLocales.All[localeIndex.Get % SupportedLocales.All.Count];
        return PluralRules.Categories(locale).Contains(PluralRules.Select(locale, count));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("pt-BR")]
    [InlineData("ar")]
    public void Categories_EachIsReachedBySomeNumber(string locale)
    {
        var reached = Enumerable.Range(0, 200).Select(n => PluralRules.Select(locale, n)).Append(PluralRules.Select(locale, 1_000_000)).ToHashSet();
        Assert.True(reached.SetEquals(PluralRules.Categories(locale)));
    }
}
