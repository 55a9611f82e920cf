using NodaTime;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

public sealed class WebhookRegistrationTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);

    [Fact]
    public void Check_NewUrlUnderTheCap_IsAllowed()
    {
        var result = WebhookRegistration.Check([Endpoint("a", "https://example.com/a")], "b", new Uri("https://example.com/b"), maxPerHost: 2);

        Assert.IsType<WebhookRegistrationResult.Allowed>(result);
    }

    [Fact]
    public void Check_SameUrlSpelledDifferently_IsADuplicateNamingTheOtherEndpoint()
    {
        var result = WebhookRegistration.Check([Endpoint("a", "https://example.com/a")], "b", new Uri("HTTPS://Example.COM:443/a"), maxPerHost: 10);

        Assert.Equal("a", Assert.IsType<WebhookRegistrationResult.DuplicateUrl>(result).OtherId);
    }

    [Fact]
    public void Check_ReplacingAnEndpointWithItsOwnUrl_IsAllowed()
    {
        var result = WebhookRegistration.Check([Endpoint("a", "https://example.com/a")], "a", new Uri("https://example.com/a"), maxPerHost: 1);

        Assert.IsType<WebhookRegistrationResult.Allowed>(result);
    }

    [Fact]
    public void Check_NewEndpointAtTheCap_IsRefused_ButReplacingOneIsNot()
    {
        IReadOnlyList<WebhookEndpoint> full = [Endpoint("a", "https://example.com/a"), Endpoint("b", "https://example.com/b")];

        Assert.Equal(2, Assert.IsType<WebhookRegistrationResult.CapReached>(WebhookRegistration.Check(full, "c", new Uri("https://example.com/c"), 2)).Cap);
        Assert.IsType<WebhookRegistrationResult.Allowed>(WebhookRegistration.Check(full, "b", new Uri("https://example.com/b2"), 2));
    }

    private static WebhookEndpoint Endpoint(string id, string url) =>
        new("ada", id, new Uri(url), ["booking.created"], new string('s', 32), Now, Now);
}
