using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Schedly.Core.Calendars;
using Schedly.Core.Webhooks;
using Schedly.Functions.Http;

namespace Schedly.Functions.Calendars;

/// <summary>
/// Fetches feeds with one pooled <see cref="HttpClient"/>, guarded like webhooks (docs/SECURITY.md): no proxy; the
/// connection resolves the host itself and connects only when EVERY address it resolves to is allowed by
/// <see cref="CalendarFeedAddress.IsAllowed"/> (DNS rebinding cannot reach a private or metadata address); redirects
/// are followed by hand, at most <see cref="CalendarOptions.MaxRedirects"/>, each target checked by
/// <see cref="CalendarFeedAddress.CheckUrl"/> before any connection; the whole fetch times out after
/// <see cref="CalendarOptions.TimeoutSeconds"/>; the body is read up to <see cref="CalendarOptions.MaxBodyBytes"/> as
/// sent and again after gzip/deflate/br decoding (a counting read that stops at the cap, so a compression bomb costs
/// at most the cap). Sends <c>If-None-Match</c>/<c>If-Modified-Since</c>. Errors are short and never contain the URL.
/// </summary>
public sealed class HttpCalendarFeedFetcher : ICalendarFeedFetcher, IDisposable
{
    private readonly HttpClient _client;
    private readonly CalendarOptions _options;
    private readonly bool _allowLocal;

    public HttpCalendarFeedFetcher(CalendarOptions options, WebhookOptions webhookOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webhookOptions);
        _options = options;
        _allowLocal = webhookOptions.AllowPrivateAddresses;
        var allowLocal = _allowLocal;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.Timeout,
            ConnectCallback = (context, cancellationToken) => GuardedConnection.ConnectAsync(
                context.DnsEndPoint, address => CalendarFeedAddress.IsAllowed(address, allowLocal), "The calendar host resolves to an address that is not allowed.", cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Schedly-Calendars/1.0");
    }

    public async Task<FeedFetch> FetchAsync(Uri url, FeedValidators validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(validators);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await FetchGuardedAsync(url, validators, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FeedFetch.Failed($"The calendar did not answer within {_options.TimeoutSeconds:0.#} seconds.");
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException)
        {
            return new FeedFetch.Failed("Refused: the calendar's address is not a public address.");
        }
        catch (HttpRequestException)
        {
            return new FeedFetch.Failed("The calendar could not be reached.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return new FeedFetch.Failed("The calendar's answer could not be read (broken connection or compression).");
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<FeedFetch> FetchGuardedAsync(Uri url, FeedValidators validators, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (CalendarFeedAddress.CheckUrl(current, _allowLocal) is not null)
            {
                return new FeedFetch.Failed(redirects == 0
                    ? "Refused: the calendar's address is not allowed."
                    : "Refused: the calendar redirected to an address that is not allowed.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/calendar, */*;q=0.5");
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            if (validators.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (validators.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (response.Headers.Location is not { } location)
                {
                    return new FeedFetch.Failed($"The calendar answered HTTP {status} without a new address.");
                }

                if (redirects >= _options.MaxRedirects)
                {
                    return new FeedFetch.Failed($"The calendar redirected more than {_options.MaxRedirects} times.");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            var found = new FeedValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            if (status == 304)
            {
                return new FeedFetch.NotModified(found);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FeedFetch.Failed($"The calendar answered HTTP {status}.");
            }

            return await ReadBodyAsync(response.Content, found, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FeedFetch> ReadBodyAsync(HttpContent content, FeedValidators validators, CancellationToken cancellationToken)
    {
        var cap = _options.MaxBodyBytes;
        var tooLarge = new FeedFetch.Failed($"The calendar is larger than {cap / (1024 * 1024.0):0.#} MB; Schedly reads at most that.");
        if (content.Headers.ContentLength > cap)
        {
            return tooLarge;
        }

        var raw = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var sent = new CappedStream(raw, cap);
        Stream decoded = Decoder(content.Headers.ContentEncoding, sent) is { } decoder ? decoder : sent;
        await using var disposeDecoded = decoded == sent ? null : decoded;
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await decoded.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > cap)
            {
                return tooLarge;
            }

            body.Write(buffer, 0, read);
        }

        return sent.Exceeded ? tooLarge : new FeedFetch.Fetched(body.ToArray(), validators);
    }

    private static Stream? Decoder(ICollection<string> encodings, Stream sent) =>
        encodings.LastOrDefault()?.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(sent, CompressionMode.Decompress),
            "deflate" => new ZLibStream(sent, CompressionMode.Decompress),
            "br" => new BrotliStream(sent, CompressionMode.Decompress),
            _ => null,
        };

    /// <summary>Reads at most <c>cap</c> bytes of the body as sent, then reports the end and sets <see cref="Exceeded"/>.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer[..Allowed(buffer.Length)]);
            return Count(n);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false);
            return Count(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>One byte more than the cap may be read, so a body of exactly the cap is not mistaken for a larger one.</summary>
        private int Allowed(int wanted) => (int)Math.Min(wanted, cap + 1 - _read);

        private int Count(int n)
        {
            _read += n;
            if (_read > cap)
            {
                Exceeded = true;
                return 0;
            }

            return n;
        }
    }
}
