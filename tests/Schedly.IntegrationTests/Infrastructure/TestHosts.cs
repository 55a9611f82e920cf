using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Infrastructure;

/// <summary>Sets up hosts with availability and event types through the admin API, and reads their partition back.</summary>
public sealed class TestHosts(SchedlyAppFixture app)
{
    public static readonly object AlwaysOpen = new
    {
        weekly = new Dictionary<string, object[]>
        {
            ["monday"] = [new { start = "00:00", end = "24:00" }],
            ["tuesday"] = [new { start = "00:00", end = "24:00" }],
            ["wednesday"] = [new { start = "00:00", end = "24:00" }],
            ["thursday"] = [new { start = "00:00", end = "24:00" }],
            ["friday"] = [new { start = "00:00", end = "24:00" }],
            ["saturday"] = [new { start = "00:00", end = "24:00" }],
            ["sunday"] = [new { start = "00:00", end = "24:00" }],
        },
    };

    public HttpClient Client => app.Client;

    /// <summary>A new host (zone UTC and Ada Lovelace unless given) open all week, with the given event types; returns its slug and API key.</summary>
    public async Task<(string Slug, string ApiKey)> CreateAsync(
        string prefix, IReadOnlyDictionary<string, object> eventTypes, object? availability = null, string timeZone = "UTC", string hostName = "Ada Lovelace", string hostEmail = "ada@example.com")
    {
        var slug = SchedlyAppFixture.UniqueSlug(prefix);
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = hostName, email = hostEmail, timeZone })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        using var hours = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", availability ?? AlwaysOpen).WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        foreach (var (name, settings) in eventTypes)
        {
            using var type = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/{name}", settings).WithBearer(apiKey));
            Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        }

        return (slug, apiKey);
    }

    public async Task<List<(string Start, string End)>> SlotsAsync(string slug, string eventType, DateOnly from, DateOnly to, string timeZone = "UTC")
    {
        using var response = await Client.GetAsync($"/api/hosts/{slug}/event-types/{eventType}/slots?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}&timeZone={Uri.EscapeDataString(timeZone)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray())
            .Select(s => (s.GetProperty("start").GetString()!, s.GetProperty("end").GetString()!))
            .ToList();
    }

    public static object BookingBody(string start, string name = "Grace Hopper", string email = "grace@example.com") =>
        new { start, name, email, timeZone = "America/New_York", notes = "", answers = new Dictionary<string, string> { ["company"] = "Navy" } };

    public Task<HttpResponseMessage> BookAsync(string slug, string eventType, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hosts/{slug}/event-types/{eventType}/bookings") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Every row of the host's partition, by kind prefix (booking|, cell|, outbox|, …).</summary>
    /// <summary>The ids of the events the host's clients were emailed about, from this month's email ledger.</summary>
    public async Task<List<string>> EmailedEventsAsync(string slug)
    {
        var ledger = new TableClient(app.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.EffectLedger.NameAt(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        var events = new List<string>();
        try
        {
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
            {
                if (row.RowKey.StartsWith("email|", StringComparison.Ordinal) && row.RowKey.EndsWith(".client", StringComparison.Ordinal))
                {
                    events.Add(row.RowKey["email|".Length..^".client".Length]);
                }
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No email recorded this month yet.
        }

        return events;
    }

    public async Task<List<TableEntity>> RowsAsync(string slug, string prefix)
    {
        var table = new TableClient(app.Azurite.ConnectionString, "hosts");
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            if (entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(entity);
            }
        }

        return rows;
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
