using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Tests.Notifications;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

public sealed class DeliverWebhookTests
{
    private const string Secret = "whsec_0123456789abcdef0123456789abcdef";

    private readonly FakeClock _clock = new(Sample.Now);
    private readonly FakeLedger _ledger = new();
    private readonly FakeQueue _queue = new();
    private readonly FakeWebhookStore _store = new();
    private readonly WebhookOptions _options = new() { RetryBaseDelaySeconds = 30, MaxRetryDelaySeconds = 3600, DisableAfterHours = 24 };

    public DeliverWebhookTests() =>
        _store.Endpoints["crm"] = new WebhookEndpoint("ada", "crm", new Uri("https://example.com/hook"), [BookingEvent.Created], Secret, Sample.Now, Sample.Now);

    private DeliverWebhook CreateSut(FakeTransport transport) =>
        new(_store, new FakeReader(Sample.Booking(), Sample.Host()), _ledger, transport, _queue, _options, _clock);

    private static WebhookDelivery Delivery() => WebhookDelivery.For(Sample.Event(BookingEvent.Created), "crm");

    [Fact]
    public async Task Execute_Success_PostsSignedBodyWithIdsAndNoToken()
    {
        var transport = new FakeTransport(_clock, 200);
        var delivery = Delivery();

        var (outcome, _) = await CreateSut(transport).ExecuteAsync(delivery, CancellationToken.None);

        Assert.Equal(WebhookOutcome.Delivered, outcome);
        var (url, body, headers) = Assert.Single(transport.Requests);
        Assert.Equal(new Uri("https://example.com/hook"), url);
        Assert.Equal(delivery.Event.EventId, headers["Schedly-Event-Id"]);
        Assert.Equal(delivery.DeliveryId, headers["Schedly-Delivery-Id"]);
        Assert.True(WebhookSignature.Verify(Secret, headers["Schedly-Signature"], body, Sample.Now.ToUnixTimeSeconds(), TimeSpan.FromMinutes(5)));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(delivery.DeliveryId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("booking.created", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(Sample.BookingId.Value, json.RootElement.GetProperty("data").GetProperty("id").GetString());
        Assert.DoesNotContain("mt_", body, StringComparison.Ordinal);
        Assert.DoesNotContain("manage", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(("ada", DeliverWebhook.LedgerKey(delivery.DeliveryId)), _ledger.Records);
    }

    [Fact]
    public async Task Execute_AlreadyDelivered_DoesNotPost()
    {
        var transport = new FakeTransport(_clock, 200);
        var sut = CreateSut(transport);
        await sut.ExecuteAsync(Delivery(), CancellationToken.None);

        var (outcome, _) = await sut.ExecuteAsync(Delivery(), CancellationToken.None);

        Assert.Equal(WebhookOutcome.AlreadyDelivered, outcome);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Execute_Failure_RequeuesWithDoublingDelayAndRecordsStatus()
    {
        var transport = new FakeTransport(_clock, 500, null);
        var sut = CreateSut(transport);

        await sut.ExecuteAsync(Delivery(), CancellationToken.None);
        await sut.ExecuteAsync(_queue.Webhooks[^1].Delivery, CancellationToken.None);

        Assert.Equal([1, 2], _queue.Webhooks.Select(w => w.Delivery.Attempt).ToArray());
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], _queue.Webhooks.Select(w => w.Delay).ToArray());
        var endpoint = _store.Endpoints["crm"];
        Assert.Equal("timeout", endpoint.LastError);
        Assert.Equal(Sample.Now, endpoint.FailingSince);
        Assert.False(endpoint.Disabled);
        Assert.Empty(_ledger.Records);
    }

    [Fact]
    public async Task Execute_FailingFor24Hours_DisablesTheEndpoint()
    {
        _store.Endpoints["crm"] = _store.Endpoints["crm"] with { FailingSince = Sample.Now - Duration.FromHours(23) };
        var sut = CreateSut(new FakeTransport(_clock, 503, 503));

        var (first, _) = await sut.ExecuteAsync(Delivery(), CancellationToken.None);
        _clock.Advance(Duration.FromHours(1));
        var (second, _) = await sut.ExecuteAsync(Delivery(), CancellationToken.None);

        Assert.Equal(WebhookOutcome.RetryScheduled, first);
        Assert.Equal(WebhookOutcome.EndpointDisabled, second);
        Assert.True(_store.Endpoints["crm"].Disabled);
        Assert.Single(_queue.Webhooks);
    }

    [Fact]
    public async Task Execute_SuccessAfterFailures_ClearsTheFailureRun()
    {
        var sut = CreateSut(new FakeTransport(_clock, 500, 204));

        await sut.ExecuteAsync(Delivery(), CancellationToken.None);
        var (outcome, _) = await sut.ExecuteAsync(_queue.Webhooks[^1].Delivery, CancellationToken.None);

        Assert.Equal(WebhookOutcome.Delivered, outcome);
        Assert.Null(_store.Endpoints["crm"].FailingSince);
        Assert.Equal(204, _store.Endpoints["crm"].LastStatus);
    }

    [Fact]
    public async Task Execute_EndpointDeleted_DropsTheDelivery()
    {
        _store.Endpoints.Clear();
        var transport = new FakeTransport(_clock, 200);

        var (outcome, _) = await CreateSut(transport).ExecuteAsync(Delivery(), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Dropped, outcome);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task Execute_UrlNoLongerAllowed_FailsWithoutPosting()
    {
        _store.Endpoints["crm"] = _store.Endpoints["crm"] with { Url = new Uri("http://127.0.0.1:8080/hook") };
        var transport = new FakeTransport(_clock, 200);

        var (outcome, attempt) = await CreateSut(transport).ExecuteAsync(Delivery(), CancellationToken.None);

        Assert.Equal(WebhookOutcome.RetryScheduled, outcome);
        Assert.StartsWith("refused", attempt!.Error, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public void WebhookDelivery_RoundTripsThroughJson()
    {
        var delivery = Delivery() with { Attempt = 3 };

        Assert.Equal(delivery, WebhookDelivery.TryParse(delivery.ToJson()));
        Assert.Null(WebhookDelivery.TryParse("{\"deliveryId\":\"x\"}"));
    }
}
