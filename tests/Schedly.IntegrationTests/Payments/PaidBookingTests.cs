using System.Net;
using NodaTime;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Payments;

/// <summary>
/// Paid event types end to end on Azurite with the fake Stripe: the booking holds its slot while it waits, the signed
/// webhook confirms it once, an abandoned checkout (Stripe's expiry event, or Schedly's own due work) frees the slot,
/// a payment that comes too late is refunded, and fifty clients racing for one paid slot leave one holder.
/// </summary>
public sealed class PaidBookingTests(PaymentAppFixture app) : IClassFixture<PaymentAppFixture>
{
    [Fact]
    public async Task Pay_WebhookConfirms_AndReplaysChangeNothing()
    {
        var (slug, _, start) = await app.HostAsync("pay", PaymentAppFixture.Paid);
        var (body, id, token) = await app.BookCreatedAsync(slug, start);

        Assert.Equal("pendingPayment", body.GetProperty("status").GetString());
        var paymentUrl = body.GetProperty("paymentUrl").GetString()!;
        var session = app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id);
        Assert.EndsWith(session.Id, paymentUrl, StringComparison.Ordinal);
        Assert.Equal(5000, session.AmountTotal);
        Assert.Equal("eur", session.Currency);
        var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);
        Assert.InRange(expiresAt - SystemClock.Instance.GetCurrentInstant(), Duration.FromMinutes(30), Duration.FromMinutes(32));
        Assert.DoesNotContain(start, await app.SlotsAsync(slug));
        var payMail = await app.MailAsync(id, "paymentpending", "client");
        Assert.NotNull(payMail);
        Assert.Contains(session.Id, payMail, StringComparison.Ordinal);

        var completed = FakeStripe.EventJson("checkout.session.completed", app.Stripe.Pay(session.Id));
        using (var first = await app.Stripe.SendEventAsync(app.WebhookUrl, completed))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var confirmed = await app.ReadBookingAsync(id, token);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.False(confirmed.TryGetProperty("paymentUrl", out var url) && url.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, confirmed.GetProperty("payment").GetProperty("paidAt").ValueKind);

        // Replayed, and Stripe's expiry event arriving late: both acknowledged, neither changes the booking.
        using (var replay = await app.Stripe.SendEventAsync(app.WebhookUrl, completed))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        using (var late = await app.Stripe.SendEventAsync(app.WebhookUrl, FakeStripe.EventJson("checkout.session.expired", app.Stripe.Sessions[session.Id])))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        var after = await app.ReadBookingAsync(id, token);
        Assert.Equal("confirmed", after.GetProperty("status").GetString());
        Assert.Equal(confirmed.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
        Assert.DoesNotContain(session.PaymentIntent, app.Stripe.Refunds.Values);
        Assert.DoesNotContain(start, await app.SlotsAsync(slug));
        Assert.NotNull(await app.MailAsync(id, "confirmed", "client"));
        Assert.NotNull(await app.MailAsync(id, "confirmed", "host"));
    }

    [Fact]
    public async Task Abandon_StripeExpiryEvent_ExpiresAndOffersTheSlotAgain()
    {
        var (slug, _, start) = await app.HostAsync("abandon", PaymentAppFixture.Paid);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);
        var session = app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id);

        using var expired = await app.Stripe.SendEventAsync(app.WebhookUrl, FakeStripe.EventJson("checkout.session.expired", app.Stripe.Expire(session.Id)));

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Equal("expired", await app.StatusAsync(id, token));
        Assert.Contains(start, await app.SlotsAsync(slug));
        using var again = await app.BookAsync(slug, start, "ada.other@example.com");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Abandon_NoEventFromStripe_DueWorkExpiresItAfterItsTime()
    {
        var (slug, _, start) = await app.HostAsync("due", PaymentAppFixture.Paid);
        var (body, id, token) = await app.BookCreatedAsync(slug, start);
        var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);

        // Before its time nothing happens, even when the host's due work runs.
        await app.DrainAtAsync(expiresAt - Duration.FromMinutes(5));
        Assert.Equal("pendingPayment", await app.StatusAsync(id, token));

        Assert.True(await PaymentAppFixture.EventuallyAsync(async () =>
        {
            await app.DrainAtAsync(expiresAt + Duration.FromMinutes(2));
            return await app.StatusAsync(id, token) == "expired";
        }), "the due work expires the unpaid booking");
        Assert.Contains(start, await app.SlotsAsync(slug));
        Assert.Empty(await RowsAsync(slug, "expire|"));
    }

    [Fact]
    public async Task PaidButEventLost_DueWorkAsksStripeAndConfirms()
    {
        var (slug, _, start) = await app.HostAsync("lost", PaymentAppFixture.Paid);
        var (body, id, token) = await app.BookCreatedAsync(slug, start);
        app.Stripe.Pay(app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id).Id);
        var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);

        Assert.True(await PaymentAppFixture.EventuallyAsync(async () =>
        {
            await app.DrainAtAsync(expiresAt + Duration.FromMinutes(2));
            return await app.StatusAsync(id, token) == "confirmed";
        }), "the due work finds the session paid and confirms");
        Assert.DoesNotContain(start, await app.SlotsAsync(slug));
    }

    [Fact]
    public async Task OutOfOrder_PaymentAfterExpiry_IsRefundedOnce_AndTheBookingStaysExpired()
    {
        var (slug, _, start) = await app.HostAsync("late", PaymentAppFixture.Paid);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);
        var session = app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id);
        using (await app.Stripe.SendEventAsync(app.WebhookUrl, FakeStripe.EventJson("checkout.session.expired", app.Stripe.Sessions[session.Id])))
        {
        }

        var completed = FakeStripe.EventJson("checkout.session.completed", app.Stripe.Pay(session.Id));
        using (var first = await app.Stripe.SendEventAsync(app.WebhookUrl, completed))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var replay = await app.Stripe.SendEventAsync(app.WebhookUrl, completed))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        var booking = await app.ReadBookingAsync(id, token);
        Assert.Equal("expired", booking.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, booking.GetProperty("payment").GetProperty("refundedAt").ValueKind);
        Assert.Single(app.Stripe.Refunds.Values, v => v == session.PaymentIntent);
        Assert.Contains(start, await app.SlotsAsync(slug));
    }

    [Fact]
    public async Task Webhook_BadSignatureOrStaleTimestamp_Is400AndChangesNothing()
    {
        var (slug, _, start) = await app.HostAsync("forged", PaymentAppFixture.Paid);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);
        var completed = FakeStripe.EventJson("checkout.session.completed", app.Stripe.Pay(app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id).Id));

        using var forged = await app.Stripe.SendEventAsync(app.WebhookUrl, completed, secret: "whsec_wrong_0123456789abcdefghijklmnopqrstu");
        using var stale = await app.Stripe.SendEventAsync(app.WebhookUrl, completed, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var unsigned = await app.Client.SendAsync(RawJson(HttpMethod.Post, "/api/payments/stripe/webhook", completed));

        await forged.AssertProblemAsync(400, "invalid-signature");
        await stale.AssertProblemAsync(400, "invalid-signature");
        await unsigned.AssertProblemAsync(400, "invalid-signature");
        Assert.Equal("pendingPayment", await app.StatusAsync(id, token));
    }

    [Fact]
    public async Task FiftyRacers_OnePaidSlot_OneHolder()
    {
        var (slug, _, start) = await app.HostAsync("race", PaymentAppFixture.Paid);
        using var gate = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 50).Select(async i =>
        {
            await gate.WaitAsync();
            using var response = await app.BookAsync(slug, start, $"racer{i}@example.com");
            return response.StatusCode;
        }).ToList();
        gate.Release(50);
        var results = await Task.WhenAll(racers);

        Assert.Equal(1, results.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, results.Count(s => s == HttpStatusCode.Conflict));
        var holders = (await RowsAsync(slug, "booking|")).Where(b => b.GetString("Status") == "PendingPayment").ToList();
        Assert.Single(holders);
    }

    [Fact]
    public async Task ClientCancelWithinWindow_RefundsThePayment()
    {
        var (slug, apiKey, id, token, session) = await BookAndPayAsync("refund");

        using var cancelled = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        Assert.True(await PaymentAppFixture.EventuallyAsync(async () =>
            (await app.ReadBookingAsync(id, token)).GetProperty("payment").GetProperty("refundedAt").ValueKind != System.Text.Json.JsonValueKind.Null));
        Assert.Single(app.Stripe.Refunds.Values, v => v == session.PaymentIntent);

        // Nothing left to refund: the host's refund says so and Stripe is not asked again.
        using var again = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/refund").WithBearer(apiKey));
        await again.AssertProblemAsync(409, "not-refundable");
        Assert.Single(app.Stripe.Refunds.Values, v => v == session.PaymentIntent);
    }

    [Fact]
    public async Task HostRefund_KeepsTheBookingAndRefundsOnce()
    {
        var (slug, apiKey, id, token, session) = await BookAndPayAsync("hostrefund");

        using var refunded = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/refund").WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var body = await refunded.ReadJsonAsync();
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("payment").GetProperty("refundedAt").ValueKind);
        Assert.Single(app.Stripe.Refunds.Values, v => v == session.PaymentIntent);
        Assert.Equal("confirmed", await app.StatusAsync(id, token));
    }

    [Fact]
    public async Task Race_PaidWebhookStripeExpiryDueWorkAndClientCancel_StatusSlotAndMoneyAgree()
    {
        var (slug, _, _) = await app.HostAsync("racing", PaymentAppFixture.Paid);
        var slots = await app.SlotsAsync(slug);
        foreach (var start in new[] { slots[2], slots[8], slots[14], slots[20] })
        {
            var (body, id, token) = await app.BookCreatedAsync(slug, start);
            var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);
            var session = app.Stripe.Pay(app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id).Id);
            var completed = FakeStripe.EventJson("checkout.session.completed", session);
            var expired = FakeStripe.EventJson("checkout.session.expired", session);

            await Task.WhenAll(
                Task.Run(async () => (await app.Stripe.SendEventAsync(app.WebhookUrl, completed)).Dispose()),
                Task.Run(async () => (await app.Stripe.SendEventAsync(app.WebhookUrl, expired)).Dispose()),
                Task.Run(async () => (await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token))).Dispose()),
                Task.Run(() => app.DrainAtAsync(expiresAt + Duration.FromMinutes(2))));

            var status = await app.StatusAsync(id, token);
            Assert.Contains(status, new[] { "confirmed", "cancelled", "expired" });
            Assert.Equal(status != "confirmed", (await app.SlotsAsync(slug)).Contains(start));
            if (status == "confirmed")
            {
                Assert.DoesNotContain(session.PaymentIntent, app.Stripe.Refunds.Values);
            }
            else
            {
                // The client paid and does not hold the time: the money goes back, exactly once.
                Assert.True(await PaymentAppFixture.EventuallyAsync(async () =>
                    (await app.ReadBookingAsync(id, token)).GetProperty("payment").GetProperty("refundedAt").ValueKind != System.Text.Json.JsonValueKind.Null), $"a {status} paid booking is refunded");
                Assert.Single(app.Stripe.Refunds.Values, v => v == session.PaymentIntent);
            }
        }
    }

    [Fact]
    public async Task PaymentRequiredWithoutPrice_Is400AndNothingSaved()
    {
        var (slug, apiKey, _) = await app.HostAsync("noprice", PaymentAppFixture.Vetted);

        using var response = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/free", new { title = "Free", payment = new { required = true } }).WithBearer(apiKey));

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("payment.required", out _));
        using var host = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.DoesNotContain("\"free\"", await host.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A paid booking on a new host, paid and confirmed through the webhook.</summary>
    private async Task<(string Slug, string ApiKey, string Id, string Token, FakeStripe.Session Session)> BookAndPayAsync(string prefix)
    {
        var (slug, apiKey, start) = await app.HostAsync(prefix, PaymentAppFixture.Paid);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);
        var session = app.Stripe.Pay(app.Stripe.Sessions.Values.Single(s => s.ClientReferenceId == id).Id);
        using var paid = await app.Stripe.SendEventAsync(app.WebhookUrl, FakeStripe.EventJson("checkout.session.completed", session));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        return (slug, apiKey, id, token, session);
    }

    private async Task<List<Azure.Data.Tables.TableEntity>> RowsAsync(string slug, string prefix)
    {
        var rows = new List<Azure.Data.Tables.TableEntity>();
        var table = new Azure.Data.Tables.TableClient(app.App.Azurite.ConnectionString, "hosts");
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
