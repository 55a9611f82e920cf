using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Outbox;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Core.Webhooks;
using Schedly.Functions.Notifications;
using Schedly.Functions.Webhooks;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Notifications;

/// <summary>
/// The notification pipeline end to end on the local runner: outbox → booking-events → fan-out → emails (pickup folder)
/// and webhooks (a real loopback receiver).
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class NotificationFlowTests(SchedlyAppFixture app)
{
    private readonly NotificationHarness _harness = new(app);

    [Fact]
    public async Task Book_SendsOneClientConfirmationWithInviteAndOneHostNotice()
    {
        var (slug, _, start, _) = await _harness.HostWithSlotsAsync("mail");

        var (id, token) = await _harness.BookAsync(slug, start);

        Assert.True(await _harness.MailArrivesAsync(id, "created", "client", 0), "no client confirmation");
        Assert.True(await _harness.MailArrivesAsync(id, "created", "host", 0), "no host notice");
        Assert.Equal([$"{id}.created.client.0.eml", $"{id}.created.host.0.eml"], _harness.MailFor(id));
        var (client, invite) = await NotificationHarness.ReadMailAsync(_harness.MailPath(id, "created", "client", 0));
        Assert.Equal("grace@example.com", client.To.Mailboxes.Single().Address);
        Assert.Equal("REQUEST", invite.Method);
        var calendarEvent = Assert.Single(invite.Events);
        Assert.Equal(InstantPattern.ExtendedIso.Parse(start).Value.ToDateTimeUtc(), calendarEvent.DtStart!.AsUtc);
        Assert.Equal(0, calendarEvent.Sequence);
        Assert.Contains($"/manage#id={id}&token={token}", client.TextBody, StringComparison.Ordinal);
        var (host, _) = await NotificationHarness.ReadMailAsync(_harness.MailPath(id, "created", "host", 0));
        Assert.Equal("ada@example.com", host.To.Mailboxes.Single().Address);
        Assert.DoesNotContain(token, host.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_LoopbackWebhookGetsOneSignedCreatedEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (slug, key, start, _) = await _harness.HostWithSlotsAsync("hook");
        await _harness.RegisterWebhookAsync(slug, key, "crm", receiver.Url, "booking.created");

        var (id, _) = await _harness.BookAsync(slug, start);

        Assert.True(await NotificationHarness.EventuallyAsync(() => !receiver.Received.IsEmpty), "no webhook arrived");
        var received = Assert.Single(receiver.Received);
        var eventId = received.Headers["Schedly-Event-Id"];
        Assert.True(await NotificationHarness.EventuallyAsync(() => _harness.EffectRecordedAsync(slug, $"webhook|{eventId}.crm")), "delivery not recorded");
        Assert.Single(receiver.Received);
        Assert.True(WebhookSignature.Verify(NotificationHarness.Secret, received.Headers["Schedly-Signature"], received.Body, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), TimeSpan.FromMinutes(5)));
        Assert.Equal($"{eventId}.crm", received.Headers["Schedly-Delivery-Id"]);
        var body = NotificationHarness.ParseJson(received.Body);
        Assert.Equal("booking.created", body.GetProperty("type").GetString());
        Assert.Equal(eventId, body.GetProperty("eventId").GetString());
        Assert.Equal($"{eventId}.crm", body.GetProperty("id").GetString());
        Assert.Equal(id, body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(start, body.GetProperty("data").GetProperty("start").GetString());
        Assert.False(body.GetProperty("data").TryGetProperty("manageToken", out _));
    }

    [Fact]
    public async Task RescheduleAndCancel_SendTheirEmailsAndWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (slug, key, start, newStart) = await _harness.HostWithSlotsAsync("change");
        await _harness.RegisterWebhookAsync(slug, key, "all", receiver.Url, "booking.created", "booking.rescheduled", "booking.cancelled");
        var (id, token) = await _harness.BookAsync(slug, start);

        using (var moved = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = newStart }).WithBearer(token)))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        Assert.True(await _harness.MailArrivesAsync(id, "rescheduled", "client", 1), "no reschedule email");
        Assert.True(await _harness.MailArrivesAsync(id, "rescheduled", "host", 1), "no host reschedule notice");
        var (_, movedInvite) = await NotificationHarness.ReadMailAsync(_harness.MailPath(id, "rescheduled", "client", 1));
        Assert.Equal(1, Assert.Single(movedInvite.Events).Sequence);
        Assert.Equal(InstantPattern.ExtendedIso.Parse(newStart).Value.ToDateTimeUtc(), movedInvite.Events.Single().DtStart!.AsUtc);

        using (var cancelled = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/cancel", new { reason = "Conflict" }).WithBearer(token)))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        Assert.True(await _harness.MailArrivesAsync(id, "cancelled", "client", 2), "no cancellation email");
        Assert.True(await _harness.MailArrivesAsync(id, "cancelled", "host", 2), "no host cancellation notice");
        var (_, cancelInvite) = await NotificationHarness.ReadMailAsync(_harness.MailPath(id, "cancelled", "host", 2));
        Assert.Equal("CANCEL", cancelInvite.Method);
        Assert.Equal(
            [$"{id}.cancelled.client.2.eml", $"{id}.cancelled.host.2.eml", $"{id}.created.client.0.eml", $"{id}.created.host.0.eml", $"{id}.rescheduled.client.1.eml", $"{id}.rescheduled.host.1.eml"],
            _harness.MailFor(id));

        Assert.True(await NotificationHarness.EventuallyAsync(() => receiver.Received.Count >= 3), "webhooks missing");
        Assert.Equal(
            ["booking.cancelled", "booking.created", "booking.rescheduled"],
            receiver.Received.Select(r => NotificationHarness.ParseJson(r.Body).GetProperty("type").GetString()!).Order(StringComparer.Ordinal).ToArray());
        var rescheduled = receiver.Received.Select(r => NotificationHarness.ParseJson(r.Body)).Single(b => b.GetProperty("type").GetString() == "booking.rescheduled");
        Assert.Equal(newStart, rescheduled.GetProperty("data").GetProperty("start").GetString());
        Assert.Equal(start, rescheduled.GetProperty("data").GetProperty("previousStart").GetString());
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_SendsNoDuplicate()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (slug, key, start, _) = await _harness.HostWithSlotsAsync("twice");
        await _harness.RegisterWebhookAsync(slug, key, "crm", receiver.Url, "booking.created");
        var (id, _) = await _harness.BookAsync(slug, start);
        Assert.True(await _harness.MailArrivesAsync(id, "created", "host", 0), "no host notice");
        Assert.True(await NotificationHarness.EventuallyAsync(() => !receiver.Received.IsEmpty), "no webhook arrived");
        var eventId = receiver.Received.Single().Headers["Schedly-Event-Id"];
        Assert.True(await NotificationHarness.EventuallyAsync(() => _harness.EffectRecordedAsync(slug, $"webhook|{eventId}.crm")), "delivery not recorded");
        Assert.True(await NotificationHarness.EventuallyAsync(() => _harness.EffectRecordedAsync(slug, $"email|{eventId}.host")), "email not recorded");
        var hostMail = _harness.MailPath(id, "created", "host", 0);
        File.Delete(hostMail); // only the ledger can now stop a second send

        // The same messages again, as an at-least-once queue may deliver them, through the function classes themselves.
        var emailMessage = $$"""{"effectId":"{{eventId}}.host","eventId":"{{eventId}}","type":"booking.created","recipient":"host","occurredAt":"2026-01-01T00:00:00Z","host":"{{slug}}","bookingId":"{{id}}","eventType":"intro","sequence":0,"start":"{{start}}","end":"{{start}}"}""";
        var webhookMessage = $$"""{"deliveryId":"{{eventId}}.crm","endpointId":"crm","attempt":0,"eventId":"{{eventId}}","type":"booking.created","occurredAt":"2026-01-01T00:00:00Z","host":"{{slug}}","bookingId":"{{id}}","eventType":"intro","sequence":0,"start":"{{start}}","end":"{{start}}"}""";
        await using (var scope = app.Runner.Services.CreateAsyncScope())
        {
            var sendEmails = ActivatorUtilities.CreateInstance<SendEmails>(scope.ServiceProvider);
            var deliverWebhooks = ActivatorUtilities.CreateInstance<DeliverWebhooks>(scope.ServiceProvider);
            await sendEmails.Run(emailMessage, CancellationToken.None);
            await deliverWebhooks.Run(webhookMessage, CancellationToken.None);
            await deliverWebhooks.Run(webhookMessage, CancellationToken.None);
        }

        Assert.False(File.Exists(hostMail));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task WorkerKilledBetweenSendAndRecord_RedeliverySendsNoSecondEmail()
    {
        var (slug, _, start, _) = await _harness.HostWithSlotsAsync("killed");
        var (id, _) = await _harness.BookAsync(slug, start);
        Assert.True(await _harness.MailArrivesAsync(id, "created", "client", 0), "no client confirmation");
        // Both confirmations are out, so the count below sees only what the redelivery does (the folder is shared
        // with other tests' background work, so only this booking's files are counted).
        Assert.True(await _harness.MailArrivesAsync(id, "created", "host", 0), "no host notice");
        var eventId = await CreatedEventIdAsync(slug);
        Assert.True(await NotificationHarness.EventuallyAsync(() => _harness.EffectRecordedAsync(slug, $"email|{eventId}.client")), "email not recorded");
        var clientMail = _harness.MailPath(id, "created", "client", 0);
        var written = File.GetLastWriteTimeUtc(clientMail);
        var filesBefore = _harness.MailFor(id).Length;

        // As if the worker died after sending but before recording: the record is gone, the message comes back.
        var effects = new Azure.Data.Tables.TableClient(app.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.EffectLedger.NameAt(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        await effects.DeleteEntityAsync(slug, $"email|{eventId}.client");
        var end = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var emailMessage = $$"""{"effectId":"{{eventId}}.client","eventId":"{{eventId}}","type":"booking.created","recipient":"client","occurredAt":"2026-01-01T00:00:00Z","host":"{{slug}}","bookingId":"{{id}}","eventType":"intro","sequence":0,"start":"{{start}}","end":"{{end}}"}""";
        await using (var scope = app.Runner.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SendEmails>(scope.ServiceProvider).Run(emailMessage, CancellationToken.None);
        }

        Assert.Equal(filesBefore, _harness.MailFor(id).Length);
        Assert.Equal(written, File.GetLastWriteTimeUtc(clientMail));
        Assert.True(await _harness.EffectRecordedAsync(slug, $"email|{eventId}.client"), "the redelivery should record the effect");
    }

    /// <summary>The id of the booking's one event so far (its created event), read from the client email's ledger entry.</summary>
    private async Task<string> CreatedEventIdAsync(string slug)
    {
        var ledger = new Azure.Data.Tables.TableClient(app.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.EffectLedger.NameAt(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await foreach (var row in ledger.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
            {
                if (row.RowKey.StartsWith("email|", StringComparison.Ordinal) && row.RowKey.EndsWith(".client", StringComparison.Ordinal))
                {
                    return row.RowKey["email|".Length..^".client".Length];
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("no client email recorded for the booking's created event");
    }

    [Fact]
    public async Task FailingReceiver_GetsTheEventOnceAfterRetriesWithTheSameIds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresBeforeSuccess: 3);
        var (slug, key, start, _) = await _harness.HostWithSlotsAsync("retry");
        await _harness.RegisterWebhookAsync(slug, key, "flaky", receiver.Url, "booking.created");

        await _harness.BookAsync(slug, start);

        // Retries re-send the delivery with 1 s, 2 s and 4 s visibility delays (fixture settings).
        Assert.True(await NotificationHarness.EventuallyAsync(() => receiver.Received.Any(r => r.AnsweredStatus == 200), TimeSpan.FromSeconds(40)), "never delivered");
        var eventId = receiver.Received.First().Headers["Schedly-Event-Id"];
        Assert.True(await NotificationHarness.EventuallyAsync(() => _harness.EffectRecordedAsync(slug, $"webhook|{eventId}.flaky")), "delivery not recorded");
        Assert.Equal([500, 500, 500, 200], receiver.Received.Select(r => r.AnsweredStatus).ToArray());
        Assert.All(receiver.Received, r => Assert.Equal(eventId, r.Headers["Schedly-Event-Id"]));
        Assert.All(receiver.Received, r => Assert.Equal($"{eventId}.flaky", r.Headers["Schedly-Delivery-Id"]));
        using var list = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/webhooks").WithBearer(key));
        var hook = (await list.ReadJsonAsync()).GetProperty("webhooks")[0];
        Assert.Equal(200, hook.GetProperty("lastStatus").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hook.GetProperty("failingSince").ValueKind);
        Assert.False(hook.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task OutboxGuard_PublishesAnEventWhosePublisherDied_TheFanOutHandlesItOnceAndDeletesItsRow()
    {
        var (slugText, _, startText, _) = await _harness.HostWithSlotsAsync("guard");
        var slug = HostSlug.Parse(slugText);
        var queues = new QueueServiceClient(app.Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var guardQueue = queues.GetQueueClient("outbox-guard");
        var guardsBefore = (await guardQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        // The request committed and died before publishing: the store armed the guard and wrote the row, nobody published.
        var store = new TableBookingStore(new TableServiceClient(app.Azurite.ConnectionString), new OutboxGuardQueue(queues));
        var start = InstantPattern.ExtendedIso.Parse(startText).Value;
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        var booking = Booking.Create(BookingId.New(slug), "intro", new EventTypeDraft { Title = "Intro", DurationMinutes = 30 }.Validate().Value, start,
            new ClientDetails("Grace", "grace@example.com", NodaTime.DateTimeZone.Utc, "", new Dictionary<string, string>()), ApiKeyHash.Of("mt_unused"), NodaTime.DateTimeZone.Utc, now);
        var created = BookingEvent.For(BookingEvent.Created, booking, now);
        var snapshot = await store.LoadAsync(slug, new SnapshotScope(booking.ClaimedSpan), CancellationToken.None);
        Assert.True(await store.TryCommitAsync(BookingChange.Create(snapshot, booking, created, null), CancellationToken.None));
        Assert.Equal(guardsBefore + 1, (await guardQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var check = app.Runner.Services.GetRequiredService<CheckOutboxGuard>();

        // The guard, and the same guard message delivered again before the fan-out ran: the event is published twice.
        var first = await check.ExecuteAsync(new OutboxGuard(slugText, created.Id), CancellationToken.None);
        var again = await check.ExecuteAsync(new OutboxGuard(slugText, created.Id), CancellationToken.None);

        Assert.True(first);
        Assert.True(again);
        Assert.True(await _harness.MailArrivesAsync(booking.Id.Value, "created", "client", 0), "no client confirmation");
        Assert.True(await NotificationHarness.EventuallyAsync(async () => (await _harness.Hosts.RowsAsync(slugText, "outbox|")).Count == 0), "the fan-out did not delete the outbox row");
        Assert.False(await check.ExecuteAsync(new OutboxGuard(slugText, created.Id), CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for the second copy to be fanned out, were it handled again
        Assert.Equal([$"{booking.Id.Value}.created.client.0.eml", $"{booking.Id.Value}.created.host.0.eml"], _harness.MailFor(booking.Id.Value));
    }

    [Fact]
    public async Task MalformedEmailMessage_EndsInThePoisonQueue()
    {
        var queues = new QueueServiceClient(app.Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var marker = "not-an-effect-" + Guid.NewGuid().ToString("N");
        await queues.GetQueueClient("emails").SendMessageAsync(marker);

        // maxDequeueCount 5 with a 10 s visibility timeout: about 40 s before the runner gives up on it.
        var poisoned = await NotificationHarness.EventuallyAsync(
            async () => (await queues.GetQueueClient("emails-poison").PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == marker),
            TimeSpan.FromSeconds(75));

        Assert.True(poisoned, "the malformed message did not reach emails-poison");
    }
}
