using Schedly.Core.Hosts;

namespace Schedly.Core.Tests.Hosts;

public sealed class HostSlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("ada")]
    [InlineData("ada-lovelace")]
    [InlineData("clinic-42")]
    [InlineData("0abc")]
    [InlineData("teams")]
    [InlineData("team-a")]
    public void TryParse_ValidSlug_Succeeds(string value)
    {
        Assert.True(HostSlug.TryParse(value, out var slug));
        Assert.Equal(value, slug.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ada")]
    [InlineData("-ada")]
    [InlineData("ada-")]
    [InlineData("ada--lovelace")]
    [InlineData("ada_lovelace")]
    [InlineData("ada lovelace")]
    [InlineData("ada/lovelace")]
    [InlineData("ada#1")]
    [InlineData("adà")]
    [InlineData("ada\n")]
    [InlineData("team")] // /book/team/… are the team pages
    public void TryParse_InvalidSlug_Fails(string? value)
    {
        Assert.False(HostSlug.TryParse(value, out var slug));
        Assert.Null(slug);
    }

    [Fact]
    public void TryParse_LongerThan63_Fails()
    {
        Assert.True(HostSlug.TryParse(new string('a', 63), out _));
        Assert.False(HostSlug.TryParse(new string('a', 64), out _));
    }
}
