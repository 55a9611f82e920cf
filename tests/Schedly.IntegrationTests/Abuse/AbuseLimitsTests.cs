using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Schedly.AzureStorage.Abuse;
using Schedly.AzureStorage.Tables;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Abuse;

/// <summary>
/// The public routes' rate limits and the client booking cap through HTTP on a real Azurite, with the app behind a "trusted proxy" so each test
/// picks its client address with <c>X-Forwarded-For</c>. The clock is frozen, so no window ends during a test.
/// </summary>
public sealed class AbuseLimitsTests : IAsyncLifetime
{
    private const string OperatorKey = "rate-limit-operator-key-0123456789abcdefghij";
    private const int WritesPerClient = 3;
    private const int WritesPerHost = 6;
    private const int SlotQueriesPerClient = 4;
    private const int ClientCap = 2;
    private static readonly Instant Now = SystemClock.Instance.GetCurrentInstant();
    private SchedlyApp _app = null!;

    private HttpClient Client => _app.Client;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(
        new Dictionary<string, string?>
        {
            ["Schedly__Security__OperatorKey"] = OperatorKey,
            ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-ratelimit-" + Guid.NewGuid().ToString("N")),
            ["Schedly__RateLimits__Enabled"] = "true",
            ["Schedly__RateLimits__TrustForwardedFor"] = "true",
            ["Schedly__RateLimits__WritesPerClient"] = WritesPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Schedly__RateLimits__WritesPerHost"] = WritesPerHost.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Schedly__RateLimits__SlotQueriesPerClient"] = SlotQueriesPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Schedly__Caps__ActiveBookingsPerClient"] = ClientCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        configureServices: (services, configuration) =>
        {
            services.AddSchedly(configuration);
            services.AddSingleton<IClock>(new FrozenClock(Now));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Booking_BurstFromOneClient_IsLimitedWhileAnotherClientStillBooks()
    {
        var (slug, starts) = await CreateHostAsync("burst");

        for (var i = 0; i < WritesPerClient; i++)
        {
            using var booked = await BookAsync(slug, starts[i], "203.0.113.7", $"burst{i}@example.com");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var limited = await BookAsync(slug, starts[WritesPerClient], "203.0.113.7", "burst-over@example.com");
        var problem = await limited.AssertProblemAsync(429, "rate-limited");
        Assert.Contains("your address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // A spoofed first entry changes nothing: the trusted proxy's own (last) entry names the client.
        using var spoofed = await BookAsync(slug, starts[WritesPerClient], "198.51.100.1, 203.0.113.7", "burst-spoof@example.com");
        await spoofed.AssertProblemAsync(429, "rate-limited");

        using var other = await BookAsync(slug, starts[WritesPerClient], "198.51.100.20", "other@example.com");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(WritesPerClient + 1, await BookingCountAsync(slug));
    }

    [Fact]
    public async Task Booking_ManyClientsOfOneHost_AreLimitedByTheHostLimit_OtherHostsUnaffected()
    {
        var (slug, starts) = await CreateHostAsync("hostcap");
        var (otherSlug, otherStarts) = await CreateHostAsync("hostcap-other");

        for (var i = 0; i < WritesPerHost; i++)
        {
            using var booked = await BookAsync(slug, starts[i], $"192.0.2.{i + 1}", $"h{i}@example.com");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var limited = await BookAsync(slug, starts[WritesPerHost], "192.0.2.100", "h-over@example.com");
        var problem = await limited.AssertProblemAsync(429, "rate-limited");
        Assert.Contains("host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);

        using var elsewhere = await BookAsync(otherSlug, otherStarts[0], "192.0.2.100", "h-other@example.com");
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task CancelAndReschedule_CountAsWrites()
    {
        var (slug, starts) = await CreateHostAsync("manage");
        using var booked = await BookAsync(slug, starts[0], "203.0.113.50", "m@example.com");
        var booking = await booked.ReadJsonAsync();
        var (id, token) = (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!);

        using var moved = await Client.SendAsync(Forwarded(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = starts[1] }).WithBearer(token), "203.0.113.50"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var guessed = await Client.SendAsync(Forwarded(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer("mt_guess"), "203.0.113.50"));
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);

        using var cancel = await Client.SendAsync(Forwarded(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token), "203.0.113.50"));
        await cancel.AssertProblemAsync(429, "rate-limited");
    }

    [Fact]
    public async Task Slots_BurstFromOneClient_IsLimited()
    {
        var (slug, _) = await CreateHostAsync("slots");
        var day = DateOnly.FromDateTime(Now.ToDateTimeUtc()).AddDays(2);
        var path = $"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC";

        // CreateHostAsync read the slots from an address of its own; this client has its whole budget.
        for (var i = 0; i < SlotQueriesPerClient; i++)
        {
            using var ok = await Client.SendAsync(Forwarded(new HttpRequestMessage(HttpMethod.Get, path), "203.0.113.99"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Client.SendAsync(Forwarded(new HttpRequestMessage(HttpMethod.Get, path), "203.0.113.99"));
        await limited.AssertProblemAsync(429, "rate-limited");
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Counters_AreOneRowPerKey_CarryingTheWindow()
    {
        var (slug, starts) = await CreateHostAsync("rows");
        for (var i = 0; i < 2; i++)
        {
            (await BookAsync(slug, starts[i], "203.0.113.77", $"r{i}@example.com")).Dispose();
        }

        var table = new TableClient(_app.Azurite.ConnectionString, DatedTableSet.RateCounters.NameAt(SystemClock.Instance.GetCurrentInstant()));
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"write|client|203.0.113.77"}")))
        {
            rows.Add(row);
        }

        var counter = Assert.Single(rows);
        Assert.Equal(2, counter.GetInt32("Count"));
        Assert.Equal(0, counter.GetInt64("WindowStart")!.Value % 60);
    }

    [Fact]
    public async Task Booking_OverTheClientCap_Is409PolicyViolation_UntilOneIsCancelled()
    {
        var (slug, starts) = await CreateHostAsync("cap");
        var ids = new List<(string Id, string Token)>();
        for (var i = 0; i < ClientCap; i++)
        {
            using var booked = await BookAsync(slug, starts[i], $"198.18.0.{i + 1}", i == 0 ? "Cap@Example.com" : "cap@example.com");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var body = await booked.ReadJsonAsync();
            ids.Add((body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!));
        }

        using var over = await BookAsync(slug, starts[ClientCap], "198.18.0.10", "cap@example.com");
        var problem = await over.AssertProblemAsync(409, "policy-violation");
        Assert.Contains($"{ClientCap} upcoming bookings", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var someoneElse = await BookAsync(slug, starts[ClientCap], "198.18.0.11", "other@example.com");
        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);

        using var cancelled = await Client.SendAsync(Forwarded(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{ids[0].Id}/cancel").WithBearer(ids[0].Token), "198.18.0.12"));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        using var again = await BookAsync(slug, starts[ClientCap + 1], "198.18.0.13", "cap@example.com");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request, string forwardedFor)
    {
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private Task<HttpResponseMessage> BookAsync(string slug, string start, string forwardedFor, string email) =>
        Client.SendAsync(Forwarded(
            new HttpRequestMessage(HttpMethod.Post, $"/api/hosts/{slug}/event-types/intro/bookings")
            {
                Content = JsonContent.Create(new { start, name = "Grace Hopper", email, timeZone = "UTC" }),
            },
            forwardedFor));

    private async Task<(string Slug, List<string> Starts)> CreateHostAsync(string prefix)
    {
        var slug = SchedlyAppFixture.UniqueSlug(prefix);
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(apiKey))).Dispose();
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro" }).WithBearer(apiKey))).Dispose();
        var day = DateOnly.FromDateTime(Now.ToDateTimeUtc()).AddDays(2);
        using var slots = await Client.SendAsync(Forwarded(
            new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC"),
            $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}"));
        var starts = (await slots.ReadJsonAsync()).GetProperty("days")[0].GetProperty("slots").EnumerateArray()
            .Select(s => s.GetProperty("start").GetString()!).ToList();
        Assert.True(starts.Count > WritesPerHost + 1);
        return (slug, starts);
    }

    private async Task<int> BookingCountAsync(string slug)
    {
        var table = new TableClient(_app.Azurite.ConnectionString, "hosts");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}"), select: ["RowKey"]))
        {
            count += row.RowKey.StartsWith("booking|", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private sealed class FrozenClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
