using NodaTime;
using Schedly.Core.Webhooks;
using Schedly.Functions.Webhooks;

namespace Schedly.IntegrationTests.Notifications;

/// <summary>The delivery transport against a real loopback listener: the address guard applies when connecting.</summary>
public sealed class HttpWebhookTransportTests
{
    private static readonly Dictionary<string, string> _headers = new() { ["Schedly-Delivery-Id"] = "d1" };

    [Fact]
    public async Task Post_LoopbackWithoutPrivateAddresses_IsRefusedBeforeConnecting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var transport = new HttpWebhookTransport(new WebhookOptions { AllowPrivateAddresses = false, TimeoutSeconds = 5 }, SystemClock.Instance);

        var attempt = await transport.PostAsync(receiver.Url, "{}", _headers, CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.Status);
        Assert.StartsWith("refused", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Post_LocalhostNameWithoutPrivateAddresses_IsRefusedAfterResolving()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var transport = new HttpWebhookTransport(new WebhookOptions { AllowPrivateAddresses = false, TimeoutSeconds = 5 }, SystemClock.Instance);
        var byName = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;

        var attempt = await transport.PostAsync(byName, "{}", _headers, CancellationToken.None);

        Assert.StartsWith("refused", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Post_LoopbackWithPrivateAddresses_DeliversAndReportsTheStatus()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresBeforeSuccess: 1);
        using var transport = new HttpWebhookTransport(new WebhookOptions { AllowPrivateAddresses = true, TimeoutSeconds = 5 }, SystemClock.Instance);

        var failed = await transport.PostAsync(receiver.Url, "{\"a\":1}", _headers, CancellationToken.None);
        var delivered = await transport.PostAsync(receiver.Url, "{\"a\":1}", _headers, CancellationToken.None);

        Assert.Equal((500, "HTTP 500"), (failed.Status, failed.Error));
        Assert.True(delivered.Succeeded);
        Assert.All(receiver.Received, r => Assert.Equal("{\"a\":1}", r.Body));
        Assert.All(receiver.Received, r => Assert.Equal("d1", r.Headers["Schedly-Delivery-Id"]));
    }
}
