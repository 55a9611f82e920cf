using System.Net;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("168.63.129.16")]
    [InlineData("::ffff:168.63.129.16")]
    [InlineData("2002:a00:1::1")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2002:a9fe:a9fe::")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001::1")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("64:ff9b:1:ffff::a00:1")]
    public void IsPublic_NonPublicAddress_IsFalse(string address) =>
        Assert.False(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("168.63.129.17")]
    [InlineData("2002:808:808::1")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2001:1::1")]
    public void IsPublic_PublicAddress_IsTrue(string address) =>
        Assert.True(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://metadata.google.internal/")]
    [InlineData("https://user:pass@example.com/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://10.0.0.5:8443/hook")]
    [InlineData("https://168.63.129.16/machine")]
    [InlineData("https://[2002:a9fe:a9fe::1]/hook")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")]
    [InlineData("https://[64:ff9b:1::a00:1]/hook")]
    [InlineData("https://localhost./hook")]
    [InlineData("https://example.com./hook")]
    [InlineData("https://metadata.google.internal./")]
    public void CheckUrl_InCloud_RefusesUnsafeUrls(string url) =>
        Assert.NotNull(WebhookAddressGuard.CheckUrl(new Uri(url), allowPrivateAddresses: false));

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("https://hooks.example.com:8443/a/b?c=d")]
    [InlineData("https://8.8.8.8/hook")]
    public void CheckUrl_InCloud_AcceptsPublicHttps(string url) =>
        Assert.Null(WebhookAddressGuard.CheckUrl(new Uri(url), allowPrivateAddresses: false));

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://192.168.0.10/hook")]
    public void CheckUrl_LocalRun_AcceptsLoopbackAndHttp(string url) =>
        Assert.Null(WebhookAddressGuard.CheckUrl(new Uri(url), allowPrivateAddresses: true));

    [Fact]
    public void CheckUrl_LocalRun_StillRefusesOtherSchemes() =>
        Assert.NotNull(WebhookAddressGuard.CheckUrl(new Uri("file:///etc/passwd"), allowPrivateAddresses: true));
}
