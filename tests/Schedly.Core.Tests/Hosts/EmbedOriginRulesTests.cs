using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Tests.Hosts;

public class EmbedOriginRulesTests
{
    [Theory]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("https://Example.COM/", "https://example.com")]
    [InlineData("https://www.example.com:8443", "https://www.example.com:8443")]
    [InlineData("https://example.com:443", "https://example.com")]
    [InlineData("http://127.0.0.1:5173", "http://127.0.0.1:5173")]
    [InlineData("http://localhost:3000/", "http://localhost:3000")]
    public void Normalize_Origin_IsCanonical(string value, string expected)
    {
        Assert.Equal(expected, EmbedOriginRules.Normalize(value));
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com/page")]
    [InlineData("https://example.com?x=1")]
    [InlineData("https://example.com#top")]
    [InlineData("https://user:pw@example.com")]
    [InlineData("https://*.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.com")]
    [InlineData("")]
    [InlineData("'none'")]
    public void Normalize_NotAnAllowedOrigin_IsNull(string value)
    {
        Assert.Null(EmbedOriginRules.Normalize(value));
    }

    [Fact]
    public void Validate_BadOrigin_NamesItsIndex()
    {
        var draft = new HostProfileDraft("Ada", "ada@example.com", "Europe/London") { EmbedOrigins = ["https://ada.example", "ftp://x"] };

        var result = draft.Validate();

        Assert.False(result.IsValid);
        Assert.Contains("embedOrigins[1]", result.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_Duplicates_AreKeptOnce()
    {
        var draft = new HostProfileDraft("Ada", "ada@example.com", "Europe/London") { EmbedOrigins = ["https://ada.example", "https://ADA.example/"] };

        Assert.Equal(["https://ada.example"], draft.Validate().Value.EmbedOrigins);
    }
}
