using NodaTime;
using Schedly.Core.Payments;

namespace Schedly.Core.Tests.Payments;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret_0123456789";
    private const string Payload = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}";
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);

    [Fact]
    public void Compute_MatchesAKnownHmac()
    {
        // HMAC-SHA256("key", "1.body") in lowercase hex, computed independently (printf '1.body' | openssl dgst -sha256 -hmac key).
        Assert.Equal("91b5374b153842ad05b2c4eab9349b8321b14703165bd3fb8b034dfb8be98ae5", StripeSignature.Compute("key", 1, "body"));
    }

    [Fact]
    public void IsValid_HeaderSignedNow_IsValid()
    {
        var header = StripeSignature.Header(Secret, Now.ToUnixTimeSeconds(), Payload);

        Assert.True(StripeSignature.IsValid(header, Payload, Secret, Now));
    }

    [Fact]
    public void IsValid_OneOfSeveralV1Matches_IsValid()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={StripeSignature.Compute("whsec_old_secret", t, Payload)},v0=ignored,v1={StripeSignature.Compute(Secret, t, Payload)}";

        Assert.True(StripeSignature.IsValid(header, Payload, Secret, Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void IsValid_TimestampBeyondTolerance_IsInvalid(int offsetSeconds)
    {
        var t = Now.ToUnixTimeSeconds() + offsetSeconds;

        Assert.False(StripeSignature.IsValid(StripeSignature.Header(Secret, t, Payload), Payload, Secret, Now));
    }

    [Fact]
    public void IsValid_AtTheToleranceEdge_IsValid()
    {
        var t = Now.ToUnixTimeSeconds() - 300;

        Assert.True(StripeSignature.IsValid(StripeSignature.Header(Secret, t, Payload), Payload, Secret, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=00")]
    public void IsValid_MalformedHeader_IsInvalid(string? header) =>
        Assert.False(StripeSignature.IsValid(header, Payload, Secret, Now));

    [Fact]
    public void IsValid_WrongSecretOrChangedBody_IsInvalid()
    {
        var header = StripeSignature.Header("whsec_other", Now.ToUnixTimeSeconds(), Payload);
        var good = StripeSignature.Header(Secret, Now.ToUnixTimeSeconds(), Payload);

        Assert.False(StripeSignature.IsValid(header, Payload, Secret, Now));
        Assert.False(StripeSignature.IsValid(good, Payload + " ", Secret, Now));
    }
}
