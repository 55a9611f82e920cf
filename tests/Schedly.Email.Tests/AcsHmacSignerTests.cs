namespace Schedly.Email.Tests;

public sealed class AcsHmacSignerTests
{
    private const string Host = "contoso.communicationservices.azure.com";
    private const string Date = "Wed, 13 Apr 2022 18:09:12 GMT";

    [Theory]
    [InlineData("/", "88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4=")]
    [InlineData("/testPath", "RoCrHjw7fb9fpHSbqvRUY2xa8RBS0YvI1cxI1x8AS38=")]
    [InlineData("/testPath?testQuery=yes", "il99+rd6V5O136roX/zVePCNle78HmvC4B7tu9zRH3I=")]
    public void Sign_PublishedTestVectors_ReproducesSignature(string pathAndQuery, string expected)
    {
        var signer = new AcsHmacSigner("pw==");

        var signature = signer.Sign("GET", pathAndQuery, Host, Date, AcsHmacSigner.ContentHash([]));

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Authorization_PublishedTestVector_HasSignedHeadersAndSignature()
    {
        var header = new AcsHmacSigner("pw==").Authorization("GET", "/", Host, Date, AcsHmacSigner.ContentHash([]));

        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4=", header);
    }

    [Fact]
    public void ContentHash_EmptyBody_IsSha256OfNothing()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsHmacSigner.ContentHash([]));
    }

    [Fact]
    public void FormatDate_Instant_IsRfc1123()
    {
        Assert.Equal(Date, AcsHmacSigner.FormatDate(new DateTimeOffset(2022, 4, 13, 18, 9, 12, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("https://contoso.communication.azure.com/emails:send", "contoso.communication.azure.com")]
    [InlineData("http://127.0.0.1:5001/emails:send", "127.0.0.1:5001")]
    public void HostOf_Uri_AddsNonDefaultPort(string uri, string expected)
    {
        Assert.Equal(expected, AcsHmacSigner.HostOf(new Uri(uri)));
    }

    [Fact]
    public void Constructor_KeyNotBase64_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AcsHmacSigner("not base64!"));
    }
}
