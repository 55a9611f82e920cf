using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Queues;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Notifications;

/// <summary>
/// The email queue under a provider that throttles everything: a loopback HTTP server posing as ACS answers every send
/// with 429 and <c>Retry-After: 120</c>. Each email is sent once, then waits in <c>emails</c> as a new, invisible message
/// (its dequeue attempts untouched), and nothing reaches <c>emails-poison</c>.
/// </summary>
public sealed class EmailProviderPressureTests : IAsyncLifetime
{
    private const string OperatorKey = "email-pressure-operator-key-0123456789abcdef";
    private readonly TcpListener _acs = new(IPAddress.Loopback, 0);
    private int _sends;
    private SchedlyApp _app = null!;
    private Task _serving = Task.CompletedTask;
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync()
    {
        _acs.Start();
        _serving = ServeThrottledAsync(_stop.Token);
        _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
        {
            ["Schedly__Security__OperatorKey"] = OperatorKey,
            ["Schedly__Email__Provider"] = "AzureCommunicationServices",
            ["Schedly__Email__AzureCommunicationServices__Endpoint"] = $"http://127.0.0.1:{((IPEndPoint)_acs.LocalEndpoint).Port}/",
            ["Schedly__Email__AzureCommunicationServices__AccessKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("schedly-pressure-test-key")),
            ["Schedly__Email__AzureCommunicationServices__AllowInsecureEndpoint"] = "true",
            ["Schedly__Email__AzureCommunicationServices__MaxRetries"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _stop.CancelAsync();
        _acs.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    [Fact]
    public async Task Throttled_EachEmailIsDeferredByRetryAfter_NotRetriedOrPoisoned()
    {
        var slug = SchedlyAppFixture.UniqueSlug("pressure");
        using var created = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        (await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(apiKey))).Dispose();
        (await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro" }).WithBearer(apiKey))).Dispose();
        var day = TestHosts.Today.AddDays(2);
        using var slots = await _app.Client.GetAsync($"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        var start = (await slots.ReadJsonAsync()).GetProperty("days")[0].GetProperty("slots")[0].GetProperty("start").GetString()!;

        using var booked = await _app.Client.PostAsJsonAsync($"/api/hosts/{slug}/event-types/intro/bookings", TestHosts.BookingBody(start));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var emails = new QueueClient(_app.Azurite.ConnectionString, "emails");
        var poison = new QueueClient(_app.Azurite.ConnectionString, "emails-poison");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref _sends) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, Volatile.Read(ref _sends)); // client and host, each tried once
        int waiting;
        do
        {
            await Task.Delay(200);
            waiting = (await emails.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        while (waiting < 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, waiting); // deferred: back in the queue, invisible for Retry-After
        Assert.Empty((await emails.PeekMessagesAsync(10)).Value); // none visible: the 120 s delay holds
        await Task.Delay(TimeSpan.FromSeconds(3)); // several polling rounds: nothing is retried early
        Assert.Equal(2, Volatile.Read(ref _sends));
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    /// <summary>Answers every request 429 with Retry-After: 120, one request per connection.</summary>
    private async Task ServeThrottledAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var client = await _acs.AcceptTcpClientAsync(cancellationToken);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var length = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var body = new char[length];
            var read = 0;
            while (read < length && await reader.ReadAsync(body.AsMemory(read), cancellationToken) is > 0 and var n)
            {
                read += n;
            }

            Interlocked.Increment(ref _sends);
            await stream.WriteAsync("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
        }
    }
}
