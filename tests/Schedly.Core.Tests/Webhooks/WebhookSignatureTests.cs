using System.Security.Cryptography;
using System.Text;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef0123456789abcdef";
    private const string Body = """{"id":"d1","type":"booking.created"}""";

    [Fact]
    public void Create_IsTimestampAndHexHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Create(Secret, 1_764_000_000, Body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1764000000." + Body)));
        Assert.Equal($"t=1764000000,v1={expected}", header);
    }

    [Fact]
    public void Verify_OwnSignatureWithinTolerance_IsTrue()
    {
        var header = WebhookSignature.Create(Secret, 1_764_000_000, Body);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, 1_764_000_100, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_ChangedBodyWrongSecretOrOldTimestamp_IsFalse()
    {
        var header = WebhookSignature.Create(Secret, 1_764_000_000, Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body + " ", 1_764_000_000, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret + "x", header, Body, 1_764_000_000, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, 1_764_000_000 + 301, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, "v1=abc", Body, 1_764_000_000, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, 1_764_000_000, TimeSpan.FromMinutes(5)));
    }
}
