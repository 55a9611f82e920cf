using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Schedly.Testing;

// Usage: dotnet run -c Release --project tests/Schedly.LoadTool -- [--seconds 20] [--concurrency 8]
var seconds = IntArg(args, "--seconds", 20, 1, 600);
var concurrency = IntArg(args, "--concurrency", 8, 1, 64);
var duration = TimeSpan.FromSeconds(seconds);
const string OperatorKey = "load-tool-operator-key-0123456789abcdefghij";

await using var app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
{
    ["Schedly__Security__OperatorKey"] = OperatorKey,
    ["Logging__LogLevel__Default"] = "Warning",
});
var azurite = app.Azurite;
var runner = app.Runner;
var http = app.Client;

Console.WriteLine($"Schedly load tool: {concurrency} workers x {seconds} s per phase, runner {runner.BaseAddress}, Azurite in memory, {Environment.ProcessorCount} cores");
var host = await SetUpHostAsync(http, "load-host");
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var slots = await AllSlotsAsync(http, host, today.AddDays(1), today.AddDays(60));
Console.WriteLine($"Host '{host}' open 24/7, 15-minute event type: {slots.Count} free slots over 60 days");

var nextSlot = -1;
var bookings = await RunAsync("POST booking (HTTP)", async (worker, random) =>
{
    var index = Interlocked.Increment(ref nextSlot);
    if (index >= slots.Count)
    {
        return "no-slots-left";
    }

    using var response = await http.PostAsJsonAsync($"/api/hosts/{host}/event-types/quick/bookings",
        new { start = slots[index], name = $"Client {index}", email = $"c{index}@example.com", timeZone = "Europe/Paris" });
    return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
});

var slotQueries = await RunAsync("GET slots (7 days, HTTP)", async (worker, random) =>
{
    var from = today.AddDays(1 + random.Next(50));
    using var response = await http.GetAsync($"/api/hosts/{host}/event-types/quick/slots?start={from:yyyy-MM-dd}&end={from.AddDays(6):yyyy-MM-dd}&timeZone=America/New_York");
    return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
});

// The same table operations straight against Azurite: what storage alone costs.
var table = new TableClient(azurite.ConnectionString, "hosts");
var rawHost = "raw-" + host;
await table.UpsertEntityAsync(new TableEntity(rawHost, "profile") { ["Name"] = "Raw", ["Schedule"] = new string('x', 600) });
var rawReads = await RunAsync("raw: point read + range query", async (worker, random) =>
{
    await table.GetEntityAsync<TableEntity>(host, "profile");
    var from = DateTime.UtcNow.Date.AddDays(random.Next(50));
    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host} and RowKey ge {"cell|" + from.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)} and RowKey le {"cell|" + from.AddDays(9).ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}");
    await foreach (var _ in table.QueryAsync<TableEntity>(filter))
    {
    }

    return "ok";
});
var rawSequence = 0;
var rawWrites = await RunAsync("raw: read + query + batch of 4", async (worker, random) =>
{
    var n = Interlocked.Increment(ref rawSequence);
    await table.GetEntityAsync<TableEntity>(rawHost, "profile");
    await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {rawHost} and RowKey ge {"cell|" + n.ToString("D9", CultureInfo.InvariantCulture)} and RowKey le {"cell|" + (n + 1).ToString("D9", CultureInfo.InvariantCulture)}")))
    {
    }

    await table.SubmitTransactionAsync(
    [
        new(TableTransactionActionType.Add, new TableEntity(rawHost, "booking|" + n) { ["Name"] = "Client", ["Email"] = "c@example.com" }),
        new(TableTransactionActionType.Add, new TableEntity(rawHost, "cell|" + n.ToString("D9", CultureInfo.InvariantCulture)) { ["Spans"] = "[]" }),
        new(TableTransactionActionType.Add, new TableEntity(rawHost, "day|" + n) { ["Stamp"] = "x" }),
        new(TableTransactionActionType.Add, new TableEntity(rawHost, "outbox|" + n) { ["Message"] = "{}" }),
    ]);
    return "ok";
});

Console.WriteLine();
Console.WriteLine("| operation                          |   count |    ops/s | p50 (ms) | p99 (ms) | outcomes |");
Console.WriteLine("|------------------------------------|--------:|---------:|---------:|---------:|----------|");
foreach (var recorder in new[] { slotQueries, rawReads, bookings, rawWrites })
{
    Console.WriteLine(recorder.Row(duration));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overhead (HTTP p50 / raw storage p50): slot query {slotQueries.Percentile(50) / rawReads.Percentile(50):F2}x, booking {bookings.Percentile(50) / rawWrites.Percentile(50):F2}x"));
return 0;

async Task<LatencyRecorder> RunAsync(string name, Func<int, Random, Task<string>> operation)
{
    var recorder = new LatencyRecorder(name);
    var deadline = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var random = new Random(worker * 7919);
        while (deadline.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                outcome = await operation(worker, random);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
            {
                outcome = e.GetType().Name;
            }

            recorder.Record(Stopwatch.GetElapsedTime(started), outcome);
            if (outcome == "no-slots-left")
            {
                return;
            }
        }
    }));
    return recorder;
}

async Task<string> SetUpHostAsync(HttpClient client, string slug)
{
    var open = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
        .ToDictionary(d => d, _ => new object[] { new { start = "00:00", end = "24:00" } });
    await Send(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Load Host", email = "load@example.com", timeZone = "Europe/London" });
    await Send(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", new { weekly = open });
    await Send(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/quick", new { title = "Quick", durationMinutes = 15, slotIntervalMinutes = 15, bufferAfterMinutes = 0 });
    return slug;

    async Task Send(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", OperatorKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}

async Task<List<string>> AllSlotsAsync(HttpClient client, string slug, DateOnly from, DateOnly to)
{
    var starts = new List<string>();
    using var response = await client.GetAsync($"/api/hosts/{slug}/event-types/quick/slots?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}&timeZone=UTC");
    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
    {
        starts.AddRange(day.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!));
    }

    // Spread bookings over the range rather than filling it from the front.
    return starts.OrderBy(s => s.GetHashCode(StringComparison.Ordinal)).ToList();
}

static int IntArg(string[] args, string name, int fallback, int min, int max)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value)
        ? Math.Clamp(value, min, max)
        : fallback;
}
