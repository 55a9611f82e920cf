using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Schedly.Soak;

/// <summary>
/// A webhook receiver on a loopback Kestrel socket: <c>POST /hooks/{endpoint}</c>. It verifies each delivery's signature
/// as docs/WEBHOOKS.md tells receivers to, records it, and answers 200, or 503 while <see cref="Failing"/> is set.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, string> _secrets;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();

    private WebhookReceiver(WebApplication app, IReadOnlyDictionary<string, string> secrets)
    {
        _app = app;
        _secrets = secrets;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>While true every delivery is answered 503 (and recorded as refused).</summary>
    public bool Failing { get; set; }

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    /// <param name="secrets">Signing secret per endpoint id (the last path segment).</param>
    public static async Task<WebhookReceiver> StartAsync(IReadOnlyDictionary<string, string> secrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secrets);
        app.MapPost("/hooks/{endpoint}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Urls.First() + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(string endpoint, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var deliveryId = request.Headers["Schedly-Delivery-Id"].ToString();
        var valid = _secrets.TryGetValue(endpoint, out var secret) && SignatureIsValid(secret, request.Headers["Schedly-Signature"].ToString(), body);
        string? bookingId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            bookingId = document.RootElement.GetProperty("data").GetProperty("id").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            valid = false;
        }

        var accepted = valid && !Failing;
        _received.Enqueue(new ReceivedDelivery(
            endpoint, deliveryId, request.Headers["Schedly-Event-Id"].ToString(), request.Headers["Schedly-Event-Type"].ToString(),
            bookingId ?? "", valid, accepted, DateTimeOffset.UtcNow));
        return accepted ? Results.Ok() : Results.StatusCode(valid ? 503 : 400);
    }

    /// <summary>As docs/WEBHOOKS.md tells receivers: a recent timestamp and a v1 HMAC over "t.body", compared in constant time.</summary>
    private static bool SignatureIsValid(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (t is null || !long.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return parts.Where(p => p[0] == "v1").Any(p =>
        {
            try
            {
                return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(p[1]));
            }
            catch (FormatException)
            {
                return false;
            }
        });
    }
}

/// <summary>One POST the receiver got. <see cref="Accepted"/>: answered 2xx.</summary>
public sealed record ReceivedDelivery(
    string Endpoint, string DeliveryId, string EventId, string EventType, string BookingId, bool SignatureValid, bool Accepted, DateTimeOffset At);
