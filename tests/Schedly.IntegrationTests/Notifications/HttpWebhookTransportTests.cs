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

    [Theory]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 0)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 0)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 30)]
    public async Task Post_ReceiverClosingEveryConnection_DeliversEveryTimeOnTheFirstAttempt(string response, int closeAfterMilliseconds)
    {
        await using var receiver = OneRequestPerConnectionReceiver.Start(response, TimeSpan.FromMilliseconds(closeAfterMilliseconds));
        using var transport = new HttpWebhookTransport(new WebhookOptions { AllowPrivateAddresses = true, TimeoutSeconds = 5 }, SystemClock.Instance);

        var attempts = new List<WebhookAttempt>();
        for (var i = 0; i < 20; i++)
        {
            attempts.Add(await transport.PostAsync(receiver.Url, "{\"n\":" + i + "}", _headers, CancellationToken.None));
        }

        Assert.All(attempts, a => Assert.Equal((200, null), (a.Status, a.Error)));
        Assert.Equal(20, receiver.Requests);
    }

    [Fact]
    public void IsConnectionDropped_OnlyForFailuresOfTheConnection()
    {
        Assert.True(HttpWebhookTransport.IsConnectionDropped(new HttpRequestException("ended", new IOException("closed"))));
        Assert.True(HttpWebhookTransport.IsConnectionDropped(new HttpRequestException("reset", new System.Net.Sockets.SocketException(10054))));
        Assert.False(HttpWebhookTransport.IsConnectionDropped(new HttpRequestException("refused", new WebhookAddressRefusedException("private"))));
        Assert.False(HttpWebhookTransport.IsConnectionDropped(new HttpRequestException("HTTP 500")));
    }

    /// <summary>
    /// A raw-socket HTTP server that reads one request per connection, answers with a fixed response and closes the
    /// connection (after a pause, so the client can pool it and send the next request into a closing socket).
    /// </summary>
    private sealed class OneRequestPerConnectionReceiver : IAsyncDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener = new(System.Net.IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly byte[] _response;
        private readonly TimeSpan _closeAfter;
        private Task _loop = Task.CompletedTask;
        private int _requests;

        private OneRequestPerConnectionReceiver(string response, TimeSpan closeAfter)
        {
            _response = System.Text.Encoding.ASCII.GetBytes(response);
            _closeAfter = closeAfter;
        }

        public Uri Url => new($"http://127.0.0.1:{((System.Net.IPEndPoint)_listener.LocalEndpoint).Port}/hook");

        public int Requests => Volatile.Read(ref _requests);

        public static OneRequestPerConnectionReceiver Start(string response, TimeSpan closeAfter)
        {
            var receiver = new OneRequestPerConnectionReceiver(response, closeAfter);
            receiver._listener.Start();
            receiver._loop = receiver.AcceptAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // Stopped while accepting.
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(System.Net.Sockets.TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var received = new List<byte>();
                var buffer = new byte[4096];
                int headerEnd;
                while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.AddRange(buffer.AsSpan(0, read).ToArray());
                }

                var head = System.Text.Encoding.ASCII.GetString([.. received.Take(headerEnd)]);
                var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                while (received.Count < headerEnd + 4 + length)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.AddRange(buffer.AsSpan(0, read).ToArray());
                }

                Interlocked.Increment(ref _requests);
                await stream.WriteAsync(_response, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                if (_closeAfter > TimeSpan.Zero)
                {
                    await Task.Delay(_closeAfter, _stop.Token);
                }

                client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Both);
            }
        }

        private static int IndexOfHeaderEnd(List<byte> bytes)
        {
            for (var i = 0; i + 3 < bytes.Count; i++)
            {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
