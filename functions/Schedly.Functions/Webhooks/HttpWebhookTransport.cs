using System.Net;
using System.Net.Sockets;
using System.Text;
using NodaTime;
using Schedly.Core.Webhooks;
using Schedly.Functions.Http;

namespace Schedly.Functions.Webhooks;

/// <summary>
/// Posts webhooks with one pooled <see cref="HttpClient"/>. Unless <see cref="WebhookOptions.AllowPrivateAddresses"/>,
/// the connection itself resolves the host name and connects only to an address <see cref="WebhookAddressGuard"/>
/// accepts, so DNS answers that change after registration (rebinding) cannot reach private or metadata addresses.
/// No redirects are followed and no proxy is used (a proxy would connect in our place, past the guard); the request
/// times out after <see cref="WebhookOptions.TimeoutSeconds"/>.
/// Receivers that close connections (HTTP/1.0 servers, <c>Connection: close</c>, short keep-alive timeouts) do not
/// cost an attempt: idle pooled connections are dropped after <see cref="PooledConnectionIdleTimeout"/>, and a send
/// that fails on the connection itself (the receiver closed it as we reused it) is sent once more, at once, on a new
/// connection. Receivers see each delivery at least once anyway and deduplicate by <c>Schedly-Delivery-Id</c>.
/// </summary>
public sealed class HttpWebhookTransport : IWebhookTransport, IDisposable
{
    /// <summary>How long an idle connection stays pooled: shorter than common servers' keep-alive timeouts (5 s and up).</summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient _client;
    private readonly IClock _clock;

    public HttpWebhookTransport(WebhookOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        var allowPrivate = options.AllowPrivateAddresses;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = (context, cancellationToken) => GuardedConnection.ConnectAsync(
                context.DnsEndPoint, address => allowPrivate || WebhookAddressGuard.IsPublic(address), "The webhook host resolves to an address that is not public.", cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = options.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Schedly-Webhooks/1.0");
    }

    public async Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        try
        {
            using var response = await SendAsync(url, body, headers, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(_clock.GetCurrentInstant(), status, response.IsSuccessStatusCode ? null : $"HTTP {status}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(_clock.GetCurrentInstant(), null, "timeout");
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException)
        {
            return new WebhookAttempt(_clock.GetCurrentInstant(), null, "refused: the host has no public address");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(_clock.GetCurrentInstant(), null, e.HttpRequestError == HttpRequestError.Unknown ? "connection failed" : e.HttpRequestError.ToString());
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>True for a failure of the connection itself (reset, closed before the response), not of the guard.</summary>
    public static bool IsConnectionDropped(HttpRequestException exception) =>
        exception is { InnerException: IOException or SocketException };

    private async Task<HttpResponseMessage> SendAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(url, body, headers);
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (IsConnectionDropped(e))
        {
            // Most likely a pooled connection the receiver had closed: once more, and the pool opens a new one.
            using var again = Request(url, body, headers);
            return await _client.SendAsync(again, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage Request(Uri url, string body, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
