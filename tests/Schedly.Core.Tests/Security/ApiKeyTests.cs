using Schedly.Core.Security;

namespace Schedly.Core.Tests.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public void Generate_KeyCarriesItsIdAndAtLeast256RandomBits()
    {
        var key = ApiKey.Generate();

        Assert.Equal(key.Id, ApiKey.TryReadId(key.Value));
        Assert.Equal(12, key.Id.Length);
        Assert.True(key.Value.Length >= "sk_".Length + 12 + 1 + 43);
        Assert.NotEqual(ApiKey.Generate().Value, key.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sk_")]
    [InlineData("Bearer sk_abcdefghijkl_secret")]
    [InlineData("sk_ABCDEFGHIJKL_secret")]
    [InlineData("sk_abcdefghijk_secret")]
    [InlineData("mt_abcdefghijkl_secret")]
    public void TryReadId_NotAHostKey_IsNull(string? presented) => Assert.Null(ApiKey.TryReadId(presented));

    [Fact]
    public void Hash_MatchesOnlyTheSameSecret()
    {
        var key = ApiKey.Generate();

        Assert.True(key.Hash.Matches(key.Value));
        Assert.False(key.Hash.Matches(key.Value + "x"));
        Assert.False(key.Hash.Matches(ApiKey.Generate().Value));
        Assert.DoesNotContain(key.Value[4..], key.ToString(), StringComparison.Ordinal);
    }
}
