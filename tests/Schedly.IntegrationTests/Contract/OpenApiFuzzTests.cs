using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Schedly.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Contract;

/// <summary>
/// Walks EVERY operation of the served OpenAPI document (<c>/api/openapi.json</c>) with generated bad inputs: each
/// path parameter, each query parameter and each property of the request body's schema is replaced in turn by
/// boundary values (far past and future dates and instants, huge and negative numbers, wrong types, null, long
/// strings, odd Unicode incl. lone surrogates, deep nesting), plus malformed JSON. Every response must be below 500
/// and every 4xx must be problem+json (except refusals before the app: see <see cref="IsPlatformRefusal"/>). A refused request must leave the host's partition of
/// <c>hosts</c> (its row counts by kind, bookings included) unchanged. Admin routes use the operator key and
/// the booking routes a real booking's manage token, on a real host and event type, so validation code runs. The
/// partition is read after every refused write and after each GET operation's cases. Rate
/// limits are off in this app so every request reaches the route. Deterministic: the cases are enumerated in
/// document order and, above <see cref="MaxRequests"/>, sampled with a fixed seed.
/// </summary>
public sealed class OpenApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string OperatorKey = "fuzz-operator-key-0123456789abcdefghijklmnop";
    private const int MaxRequests = 2000;
    private const int Seed = 18;
    private const string ProblemJson = "application/problem+json";

    private static readonly string[] PathValues =
    [
        new string('a', 2000), new string('a', 64), "a--b", "-", " ", "..", ".", "%", "-1", "99999999999999999999",
        "ü漢字🎉\u202e\u200b", "\u0000", "NOT_A_SLUG", "a/b", "'; DROP TABLE hosts;--", new string('é', 300),
    ];

    private static readonly string[] QueryValues =
    [
        "0001-01-01", "9999-12-31", "1900-02-29", "2026-02-30", "0000-01-01", "10000-01-01", "-0001-01-01", "2026-1-1",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "-1", "0", "2147483648", "99999999999999999999", "1e308",
        "1.5", "NaN", "abc", "", " ", new string('q', 2000), "ü漢字🎉\u202e", "\u0000", "Etc/GMT+12",
    ];

    private static readonly (string Start, string End, string Zone)[] DateRanges =
    [
        ("0001-01-01", "0001-01-01", "Etc/GMT+12"), ("0001-01-01", "0001-01-02", "Pacific/Kiritimati"),
        ("9999-12-31", "9999-12-31", "Pacific/Kiritimati"), ("9999-12-30", "9999-12-31", "Etc/GMT+12"),
        ("0001-01-01", "9999-12-31", "UTC"), ("9999-12-01", "9999-12-31", "UTC"), ("1900-02-28", "1900-03-01", "Europe/London"),
    ];

    private static readonly string[] BodyValues =
    [
        "123", "-1", "0", "1.5", "1e308", "-1e308", "99999999999999999999999999", "true", "null", "\"\"", "\" \"",
        JsonSerializer.Serialize(new string('x', 100_000)), JsonSerializer.Serialize(new string('y', 5_000)),
        "\"\\ud800\"", "\"a\\udc00b\\ud800\"", "\"ü漢字🎉\\u202e\\u0000\"", Nested(64), Nested(1000), "{}", "[]", "[null]",
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"1900-02-29\"",
    ];

    private static readonly string[] MalformedBodies = ["{", "{\"a\":", "[", "nul", "{\"a\":1,}", "\"\\ud800", string.Empty];

    private static readonly Dictionary<string, string> GoodValues = new()
    {
        ["name"] = "\"Ada\"",
        ["email"] = "\"ada@example.com\"",
        ["timeZone"] = "\"UTC\"",
        ["title"] = "\"Fuzz\"",
        ["url"] = "\"https://example.com/hook\"",
        ["events"] = "[\"booking.created\"]",
    };

    private SchedlyApp _app = null!;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
    {
        ["Schedly__Security__OperatorKey"] = OperatorKey,
        ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-fuzz-" + Guid.NewGuid().ToString("N")),
        ["Schedly__RateLimits__Enabled"] = "false",
        ["Schedly__Calendars__TimeoutSeconds"] = "2",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryOperation_GeneratedBadInputs_AreNever5xxAndRefusalsWriteNothing()
    {
        var target = await SetUpAsync();
        using var document = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/openapi.json"));
        var operations = Operations(document.RootElement);
        var cases = operations.SelectMany(o => Cases(o, target, document.RootElement).ToList() switch
        {
            [.. var first, var last] => [.. first, last with { LastOfOperation = true }],
            var none => none,
        }).ToList();
        if (cases.Count > MaxRequests)
        {
            var random = new Random(Seed);
            cases = [.. cases.Select((c, i) => (c, Key: random.Next(), i)).OrderBy(x => x.Key).Take(MaxRequests).OrderBy(x => x.i).Select(x => x.c)];
        }

        var failures = new List<string>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        var before = await SnapshotAsync(target.Slug);
        var spent = new Dictionary<string, TimeSpan>();
        foreach (var fuzz in cases)
        {
            var started = clock.Elapsed;
            using var response = await _app.Client.SendAsync(fuzz.ToRequest());
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                failures.Add($"{status} {fuzz.Label}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
            else if (status >= 400 && mediaType != ProblemJson && !IsPlatformRefusal(fuzz, response))
            {
                failures.Add($"{status} {mediaType ?? "(no type)"} {fuzz.Label}");
            }

            if (status >= 400)
            {
                refused++;
            }

            if (status >= 400 && (fuzz.Method != HttpMethod.Get || fuzz.LastOfOperation))
            {
                var after = await SnapshotAsync(target.Slug);
                if (Wrote(before, after))
                {
                    failures.Add($"wrote on {status} {fuzz.Label}: {Show(before)} -> {Show(after)}");
                }

                before = after;
            }
            else if (fuzz.Method != HttpMethod.Get)
            {
                before = await SnapshotAsync(target.Slug);
            }

            var operation = fuzz.Label[..fuzz.Label.IndexOf(" [", StringComparison.Ordinal)];
            spent[operation] = spent.GetValueOrDefault(operation) + (clock.Elapsed - started);
        }

        output.WriteLine($"{operations.Count} operations, {cases.Count} requests ({refused} refused) in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (operation, time) in spent.OrderByDescending(s => s.Value).Take(5))
        {
            output.WriteLine($"  {time.TotalSeconds:F1} s {operation}");
        }

        Assert.Equal(CountOperations(document.RootElement), operations.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(40)));
    }

    /// <summary>
    /// A refusal before the app: the router's plain 404/405 for a path that matches no route (e.g. once <c>..</c>
    /// is resolved), and Kestrel's bodiless 400 for a NUL (<c>%00</c>) in the path.
    /// </summary>
    private static bool IsPlatformRefusal(Fuzz fuzz, HttpResponseMessage response) =>
        (int)response.StatusCode is 404 or 405
        || (response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0 && fuzz.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal));

    private static int CountOperations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count(m => m.Name != "parameters"));

    private static List<Operation> Operations(JsonElement root) =>
        [.. root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name != "parameters")
            .Select(m => new Operation(new HttpMethod(m.Name.ToUpperInvariant()), path.Name, m.Value)))];

    private static IEnumerable<Fuzz> Cases(Operation operation, Target target, JsonElement root)
    {
        var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathNames = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var queryNames = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        var schemes = operation.Value.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToHashSet();
        var cancels = operation.Path.EndsWith("/cancel", StringComparison.Ordinal);
        var booking = cancels ? target.CancelBooking : target.Booking;
        var bearer = schemes.Contains("bearer") ? OperatorKey : schemes.Contains("manageToken") ? booking.Token : null;
        var basePath = new Dictionary<string, string>
        {
            ["host"] = target.Slug,
            ["eventType"] = "intro",
            ["id"] = operation.Path.Contains("/webhooks/", StringComparison.Ordinal) ? "fuzzhook"
                : operation.Path.Contains("/calendars/", StringComparison.Ordinal) ? "fuzzcal" : booking.Id,
        };
        var baseQuery = new Dictionary<string, string>
        {
            ["start"] = target.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end"] = target.Today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["timeZone"] = "UTC",
            ["token"] = target.Booking.Token,
        };
        var schema = RequestSchema(operation.Value, root);
        var baseBody = schema is { } s ? BaseBody(s, target) : null;
        string? BodyText() => baseBody is null ? null : Object(baseBody);

        Fuzz Make(string what, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query, string? body) =>
            new($"{operation.Method} {operation.Path} [{what}]", operation.Method, BuildUrl(operation.Path, pathNames, path, queryNames, query), body, bearer);

        foreach (var name in pathNames)
        {
            foreach (var value in PathValues)
            {
                yield return Make($"path {name}={Shorten(value)}", With(basePath, name, value), baseQuery, BodyText());
            }
        }

        foreach (var name in queryNames)
        {
            foreach (var value in QueryValues)
            {
                yield return Make($"query {name}={Shorten(value)}", basePath, With(baseQuery, name, value), BodyText());
            }
        }

        if (queryNames.Contains("start") && queryNames.Contains("end"))
        {
            foreach (var (start, end, zone) in DateRanges)
            {
                var query = With(With(With(baseQuery, "start", start), "end", end), "timeZone", zone);
                yield return Make($"query {start}..{end} {zone}", basePath, query, BodyText());
            }
        }

        if (baseBody is null)
        {
            yield break;
        }

        foreach (var property in BodyProperties(schema!.Value, root))
        {
            foreach (var value in BodyValues)
            {
                yield return Make($"body {property}={Shorten(value)}", basePath, baseQuery, Object(With(baseBody, property, value)));
            }
        }

        foreach (var malformed in MalformedBodies)
        {
            yield return Make($"body {Shorten(malformed)}", basePath, baseQuery, malformed);
        }
    }

    private static JsonElement? RequestSchema(JsonElement operation, JsonElement root) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? Resolve(json.GetProperty("schema"), root)
            : null;

    private static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var resolved = root;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            resolved = resolved.GetProperty(part);
        }

        return resolved;
    }

    private static List<string> BodyProperties(JsonElement schema, JsonElement root) =>
        Resolve(schema, root).TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    /// <summary>The required properties with plausible values, the start misaligned so no booking or move is accepted.</summary>
    private static Dictionary<string, string> BaseBody(JsonElement schema, Target target)
    {
        var body = new Dictionary<string, string>();
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                body[name] = name == "start" ? JsonSerializer.Serialize(target.MisalignedStart) : GoodValues.GetValueOrDefault(name, "\"x\"");
            }
        }

        return body;
    }

    private static string Object(IReadOnlyDictionary<string, string> properties) =>
        "{" + string.Join(",", properties.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value)) + "}";

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string name, string value) =>
        new(values) { [name] = value };

    private static string BuildUrl(string template, List<string> pathNames, IReadOnlyDictionary<string, string> path, List<string> queryNames, IReadOnlyDictionary<string, string> query)
    {
        var url = new StringBuilder(template);
        foreach (var name in pathNames)
        {
            url.Replace("{" + name + "}", Uri.EscapeDataString(path.GetValueOrDefault(name, "x")));
        }

        var pairs = queryNames.Where(query.ContainsKey).Select(n => n + "=" + Uri.EscapeDataString(query[n])).ToList();
        return pairs.Count == 0 ? url.ToString() : url + "?" + string.Join("&", pairs);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + $"…({value.Length})";

    private async Task<Target> SetUpAsync()
    {
        var slug = "fuzz-" + Guid.NewGuid().ToString("N")[..12];
        using var host = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        Assert.Equal(HttpStatusCode.Created, host.StatusCode);
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        using var hours = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability",
            new { weekly = days.ToDictionary(d => d, _ => new object[] { new { start = "09:00", end = "17:00" } }) }).WithBearer(OperatorKey));
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        using var type = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro", durationMinutes = 30 }).WithBearer(OperatorKey));
        Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var slots = await _app.Client.GetAsync($"/api/hosts/{slug}/event-types/intro/slots?start={day}&end={day}&timeZone=UTC");
        var starts = (await slots.ReadJsonAsync()).GetProperty("days")[0].GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
        var first = await BookAsync(slug, starts[0], "grace@example.com");
        var second = await BookAsync(slug, starts[2], "other@example.com");
        var misaligned = DateTimeOffset.Parse(starts[4], CultureInfo.InvariantCulture).AddMinutes(7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await SettledAsync(slug);
        return new Target(slug, today, first, second, misaligned);
    }

    private async Task<BookingRef> BookAsync(string slug, string start, string email)
    {
        using var response = await _app.Client.SendAsync(Json(HttpMethod.Post, $"/api/hosts/{slug}/event-types/intro/bookings",
            new { start, name = "Grace Hopper", email, timeZone = "UTC" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return new BookingRef(body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!);
    }

    /// <summary>
    /// Whether rows appeared or went: any kind's count changed, except outbox rows going (the background dispatch of
    /// an earlier accepted write deletes them; a refusal never does).
    /// </summary>
    private static bool Wrote(SortedDictionary<string, int> before, SortedDictionary<string, int> after) =>
        before.Keys.Union(after.Keys).Any(kind => (before.GetValueOrDefault(kind), after.GetValueOrDefault(kind)) is var (was, now)
            && (kind == "outbox" ? now > was : now != was));

    private static string Show(SortedDictionary<string, int> counts) => string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}"));

    /// <summary>The host's partition of <c>hosts</c> as row counts by kind (<c>booking</c>, <c>cell</c>, <c>outbox</c>, …).</summary>
    private async Task<SortedDictionary<string, int>> SnapshotAsync(string slug)
    {
        var table = new TableClient(_app.Azurite.ConnectionString, "hosts");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}"), select: ["RowKey"]))
        {
            var kind = row.RowKey.Split('|')[0];
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        return counts;
    }

    /// <summary>Waits (at most 10 s) until the setup's bookings have been dispatched: no outbox row, two equal reads.</summary>
    private async Task SettledAsync(string slug)
    {
        var deadline = Stopwatch.StartNew();
        var last = await SnapshotAsync(slug);
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            var next = await SnapshotAsync(slug);
            if (Show(next) == Show(last) && !next.ContainsKey("outbox"))
            {
                return;
            }

            last = next;
        }
    }

    private sealed record Operation(HttpMethod Method, string Path, JsonElement Value);

    private sealed record BookingRef(string Id, string Token);

    private sealed record Target(string Slug, DateOnly Today, BookingRef Booking, BookingRef CancelBooking, string MisalignedStart);

    private sealed record Fuzz(string Label, HttpMethod Method, string Url, string? Body, string? Bearer)
    {
        /// <summary>Refused GETs write nothing by design, so the partition is read once after an operation's last case, and after every other refusal.</summary>
        public bool LastOfOperation { get; init; }

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(Method, Url);
            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return request.WithBearer(Bearer);
        }
    }
}
