using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Schedly.Core.Payments;

namespace Schedly.Testing;

/// <summary>
/// A stand-in for Stripe's API on 127.0.0.1 (Kestrel, free port), speaking the few endpoints Schedly uses the way Stripe
/// does, form-encoded in and JSON out: <c>POST /v1/checkout/sessions</c>, <c>GET /v1/checkout/sessions/{id}</c> and
/// <c>POST /v1/refunds</c>, each create call honouring <c>Idempotency-Key</c> (a repeat returns the first object). Tests
/// play the client's part with <see cref="Pay"/> and <see cref="Expire"/>, and Stripe's part with
/// <see cref="SendEventAsync"/>, which posts an event signed like Stripe (<c>Stripe-Signature: t=…,v1=…</c>).
/// A browser plays the client on the hosted checkout page (<c>/c/pay/{id}</c>, the session's <c>url</c>): its Pay
/// button pays, sends <c>checkout.session.completed</c> to <see cref="WebhookEndpoint"/> (when set) and returns the
/// browser to the session's <c>success_url</c>, as Stripe Checkout does.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_0123456789abcdefghijklmnop";
    public const string WebhookSecret = "whsec_fake_0123456789abcdefghijklmnopqrstuv";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refunds = new(StringComparer.Ordinal);
    private readonly HttpClient _webhooks = new();
    private int _sequence;

    private FakeStripe(WebApplication app) => _app = app;

    /// <summary>Every session created, by id.</summary>
    public IReadOnlyDictionary<string, Session> Sessions => _sessions;

    /// <summary>Refunds made: refund id → payment intent.</summary>
    public IReadOnlyDictionary<string, string> Refunds => _refunds;

    /// <summary>Requests that reached the API with the wrong key.</summary>
    public int Unauthorized { get; private set; }

    /// <summary>Where the hosted checkout page sends its <c>checkout.session.completed</c> event; null: no event.</summary>
    public Uri? WebhookEndpoint { get; set; }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stripe = new FakeStripe(app);
        app.MapPost("/v1/checkout/sessions", (Delegate)((HttpContext context) => stripe.IdempotentAsync(context, form => stripe.CreateSession(form))));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpContext context, string id) =>
            !stripe.Authorized(context) ? Results.Json(Error("invalid_request_error"), statusCode: 401)
            : stripe._sessions.TryGetValue(id, out var session) ? Results.Text(session.Json(), "application/json")
            : Results.Json(Error("invalid_request_error"), statusCode: 404));
        app.MapGet("/c/pay/{id}", (Delegate)((HttpContext context) => stripe.CheckoutPage(RouteId(context))));
        app.MapPost("/c/pay/{id}", (Delegate)((HttpContext context) => stripe.PayOnPageAsync(RouteId(context))));
        app.MapPost("/v1/refunds", (Delegate)((HttpContext context) => stripe.IdempotentAsync(context, form => stripe.CreateRefund(form))));
        await app.StartAsync();
        return stripe;
    }

    /// <summary>The client pays in session <paramref name="sessionId"/>: it is complete and paid, with a new payment intent.</summary>
    public Session Pay(string sessionId)
    {
        var session = _sessions[sessionId];
        session.Status = "complete";
        session.PaymentStatus = "paid";
        session.PaymentIntent = "pi_fake_" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        return session;
    }

    /// <summary>The session closes unpaid.</summary>
    public Session Expire(string sessionId)
    {
        var session = _sessions[sessionId];
        session.Status = "expired";
        return session;
    }

    /// <summary>The event Stripe sends about <paramref name="session"/> (type e.g. <c>checkout.session.completed</c>), with a fixed id per type and session so a resend is a replay.</summary>
    public static string EventJson(string type, Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return "{\"id\":\"evt_" + type.Replace('.', '_') + "_" + session.Id + "\",\"object\":\"event\",\"type\":\"" + type
            + "\",\"api_version\":\"2025-01-01\",\"created\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            + ",\"livemode\":false,\"data\":{\"object\":" + session.Json() + "}}";
    }

    /// <summary>Posts <paramref name="payload"/> to <paramref name="endpoint"/> signed with <paramref name="secret"/> at <paramref name="signedAt"/> (default now), as Stripe does.</summary>
    public async Task<HttpResponseMessage> SendEventAsync(Uri endpoint, string payload, string secret = WebhookSecret, DateTimeOffset? signedAt = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Stripe-Signature", StripeSignature.Header(secret, timestamp, payload));
        return await _webhooks.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The hosted checkout page: the amount and one Pay button (a form post, so nothing pays on a mere visit).</summary>
    private IResult CheckoutPage(string id) =>
        _sessions.TryGetValue(id, out var session)
            ? Results.Content(CheckoutHtml(session), "text/html; charset=utf-8")
            : Results.NotFound();

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? "";

    private static string CheckoutHtml(Session session) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fake Stripe Checkout</title></head><body><main>"
        + "<h1>Pay " + (session.AmountTotal / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + session.Currency.ToUpperInvariant() + "</h1>"
        + "<form method=\"post\"><button type=\"submit\">Pay</button></form></main></body></html>";

    private async Task<IResult> PayOnPageAsync(string id)
    {
        if (!_sessions.TryGetValue(id, out var session) || session.Status != "open")
        {
            return Results.NotFound();
        }

        Pay(id);
        if (WebhookEndpoint is { } endpoint)
        {
            using var delivered = await SendEventAsync(endpoint, EventJson("checkout.session.completed", session));
        }

        return Results.Redirect(session.SuccessUrl);
    }

    private static object Error(string type) => new { error = new { type, message = "fake stripe: " + type } };

    private bool Authorized(HttpContext context)
    {
        var ok = context.Request.Headers.Authorization.ToString() == "Bearer " + SecretKey;
        if (!ok)
        {
            Unauthorized++;
        }

        return ok;
    }

    private async Task<IResult> IdempotentAsync(HttpContext context, Func<IFormCollection, (int Status, string Json)> create)
    {
        if (!Authorized(context))
        {
            return Results.Json(Error("invalid_request_error"), statusCode: 401);
        }

        var form = await context.Request.ReadFormAsync();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotent.TryGetValue(context.Request.Path + "|" + key, out var first))
        {
            return Results.Text(first, "application/json");
        }

        var (status, json) = create(form);
        if (status == 200 && key.Length > 0)
        {
            json = _idempotent.GetOrAdd(context.Request.Path + "|" + key, json);
        }

        return Results.Text(json, "application/json", statusCode: status);
    }

    private (int, string) CreateSession(IFormCollection form)
    {
        var expiresAt = long.Parse(form["expires_at"].ToString(), CultureInfo.InvariantCulture);
        if (expiresAt < DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds())
        {
            return (400, JsonSerializer.Serialize(Error("invalid_request_error")));
        }

        var id = "cs_test_fake_" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        var session = new Session(
            id,
            form["client_reference_id"].ToString(),
            long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), CultureInfo.InvariantCulture),
            form["line_items[0][price_data][currency]"].ToString(),
            expiresAt,
            form["success_url"].ToString(),
            new Uri(BaseUrl, "c/pay/" + id));
        _sessions[id] = session;
        return (200, session.Json());
    }

    private (int, string) CreateRefund(IFormCollection form)
    {
        var intent = form["payment_intent"].ToString();
        if (!_sessions.Values.Any(s => s.PaymentIntent == intent))
        {
            return (400, JsonSerializer.Serialize(Error("invalid_request_error")));
        }

        var id = "re_fake_" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        _refunds[id] = intent;
        return (200, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "refund",
            ["payment_intent"] = intent,
            ["status"] = "succeeded",
            ["amount"] = _sessions.Values.First(s => s.PaymentIntent == intent).AmountTotal,
        }));
    }

    /// <summary>A checkout session as the fake keeps it.</summary>
    public sealed class Session(string id, string clientReferenceId, long amountTotal, string currency, long expiresAt, string successUrl, Uri url)
    {
        public string Id { get; } = id;

        public string ClientReferenceId { get; } = clientReferenceId;

        public long AmountTotal { get; } = amountTotal;

        public string Currency { get; } = currency;

        public long ExpiresAt { get; } = expiresAt;

        public string SuccessUrl { get; } = successUrl;

        /// <summary>The hosted checkout page on the fake (Stripe's <c>url</c>).</summary>
        public Uri Url { get; } = url;

        public string Status { get; set; } = "open";

        public string PaymentStatus { get; set; } = "unpaid";

        public string? PaymentIntent { get; set; }

        public string Json() => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = Id,
            ["object"] = "checkout.session",
            ["client_reference_id"] = ClientReferenceId,
            ["amount_total"] = AmountTotal,
            ["currency"] = Currency,
            ["expires_at"] = ExpiresAt,
            ["mode"] = "payment",
            ["status"] = Status,
            ["payment_status"] = PaymentStatus,
            ["payment_intent"] = PaymentIntent,
            ["success_url"] = SuccessUrl,
            ["url"] = Url.AbsoluteUri,
            ["livemode"] = false,
        });
    }
}
