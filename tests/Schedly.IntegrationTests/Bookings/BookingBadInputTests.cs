using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>
/// A corpus of bad requests against the public booking routes: each gets a 4xx problem+json and
/// writes nothing (no booking, claim or idempotency row appears, and the booking stays as it was).
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class BookingBadInputTests(SchedlyAppFixture app)
{
    private static readonly ConditionalWeakTable<SchedlyAppFixture, Task<Setup>> Setups = [];

    public static TheoryData<string> Cases => new(CaseBuilders.Keys);

    private static readonly Dictionary<string, Func<Setup, HttpRequestMessage>> CaseBuilders = new()
    {
        ["malformed json"] = s => Raw(s.BookPath, "{"),
        ["truncated json"] = s => Raw(s.BookPath, "{\"start\":\"2026-"),
        ["empty body"] = s => Raw(s.BookPath, ""),
        ["array body"] = s => Raw(s.BookPath, "[]"),
        ["null body"] = s => Raw(s.BookPath, "null"),
        ["start is a number"] = s => Book(s, new { start = 123, name = "Ada", email = "a@example.com", timeZone = "UTC" }),
        ["name is an array"] = s => Book(s, new { start = s.FreeStart, name = new[] { "Ada" }, email = "a@example.com", timeZone = "UTC" }),
        ["answers is a string"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC", answers = "yes" }),
        ["answer value is a number"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC", answers = new { a = 5 } }),
        ["name too long"] = s => Valid(s, name: new string('x', 201)),
        ["body over 64 KB"] = s => Valid(s, notes: new string('x', 70_000)),
        ["name empty"] = s => Valid(s, name: ""),
        ["name whitespace"] = s => Valid(s, name: "   "),
        ["name control character"] = s => Valid(s, name: "Ada\u0007"),
        ["name with script"] = s => Valid(s, name: "<script>alert(1)</script>"),
        ["name with markup"] = s => Valid(s, name: "<b>Ada</b>"),
        ["notes too long"] = s => Valid(s, notes: new string('n', 2001)),
        ["notes NUL"] = s => Valid(s, notes: "hello\u0000"),
        ["email invalid"] = s => Valid(s, email: "not-an-email"),
        ["email without dot"] = s => Valid(s, email: "a@b"),
        ["email with display name"] = s => Valid(s, email: "Ada <a@example.com>"),
        ["email with newline"] = s => Valid(s, email: "a@example.com\r\nBcc: x@example.com"),
        ["time zone unknown"] = s => Valid(s, timeZone: "Mars/Olympus_Mons"),
        ["time zone wrong case"] = s => Valid(s, timeZone: "europe/london"),
        ["time zone missing"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com" }),
        ["start missing"] = s => Book(s, new { name = "Ada", email = "a@example.com", timeZone = "UTC" }),
        ["start not ISO"] = s => Valid(s, start: "01/12/2026 14:00"),
        ["start without zone"] = s => Valid(s, start: s.FreeStart.TrimEnd('Z')),
        ["start in the past"] = s => Valid(s, start: DateTime.UtcNow.Date.AddDays(-1).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ")),
        ["start misaligned"] = s => Valid(s, start: DateTimeOffset.Parse(s.FreeStart).AddMinutes(7).ToString("yyyy-MM-ddTHH:mm:ssZ")),
        ["start outside availability"] = s => Valid(s, start: DateTimeOffset.Parse(s.FreeStart).Date.AddHours(3).ToString("yyyy-MM-ddTHH:mm:ssZ")),
        ["start beyond booking window"] = s => Valid(s, start: DateTime.UtcNow.Date.AddDays(400).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ")),
        ["start already taken"] = s => Valid(s, start: s.TakenStart),
        ["unknown host"] = s => Valid(s, path: $"/api/hosts/{SchedlyAppFixture.UniqueSlug("ghost")}/event-types/intro/bookings"),
        ["unknown event type"] = s => Valid(s, path: $"/api/hosts/{s.Slug}/event-types/nope/bookings"),
        ["invalid host slug"] = s => Valid(s, path: "/api/hosts/NOT..A..SLUG/event-types/intro/bookings"),
        ["too many answers"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC", answers = Enumerable.Range(0, 21).ToDictionary(i => $"q{i}", i => "a") }),
        ["empty answer key"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC", answers = new Dictionary<string, string> { [""] = "x" } }),
        ["answer too long"] = s => Book(s, new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC", answers = new Dictionary<string, string> { ["q"] = new string('a', 2001) } }),
        ["text/plain body"] = s => Raw(s.BookPath, JsonSerializer.Serialize(ValidBody(s)), "text/plain"),
        ["form body"] = s => Raw(s.BookPath, "start=x&name=y", "application/x-www-form-urlencoded"),
        ["idempotency key with spaces"] = s => WithHeader(Valid(s), "Idempotency-Key", "has spaces in it"),
        ["idempotency key too long"] = s => WithHeader(Valid(s), "Idempotency-Key", new string('k', 300)),
        ["deeply nested json"] = s => Raw(s.BookPath, new string('[', 200) + new string(']', 200)),
        ["invalid utf-8"] = s => RawBytes(s.BookPath, [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
        ["get booking without token"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{s.BookingId}"),
        ["get booking with wrong token"] = s => Bearer(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{s.BookingId}"), "mt_wrong"),
        ["get booking with another booking's token"] = s => Bearer(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{s.BookingId}"), s.OtherToken),
        ["get booking with basic auth"] = s => WithHeader(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{s.BookingId}"), "Authorization", "Basic " + s.Token),
        ["get malformed booking id"] = s => Bearer(new HttpRequestMessage(HttpMethod.Get, "/api/bookings/not-an-id"), s.Token),
        ["cancel with wrong token"] = s => Bearer(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{s.BookingId}/cancel"), "mt_wrong"),
        ["cancel with another booking's token"] = s => Bearer(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{s.BookingId}/cancel"), s.OtherToken),
        ["cancel with control characters in reason"] = s => Bearer(Json(HttpMethod.Post, $"/api/bookings/{s.BookingId}/cancel", new { reason = "why\u0001" }), s.Token),
        ["reschedule with another booking's token"] = s => Bearer(Json(HttpMethod.Post, $"/api/bookings/{s.BookingId}/reschedule", new { start = s.FreeStart }), s.OtherToken),
        ["reschedule with malformed start"] = s => Bearer(Json(HttpMethod.Post, $"/api/bookings/{s.BookingId}/reschedule", new { start = "tomorrow" }), s.Token),
        ["reschedule without body"] = s => Bearer(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{s.BookingId}/reschedule"), s.Token),
        ["reschedule onto a taken slot"] = s => Bearer(Json(HttpMethod.Post, $"/api/bookings/{s.BookingId}/reschedule", new { start = s.OtherStart }), s.Token),
        ["slots without dates"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{s.Slug}/event-types/intro/slots?timeZone=UTC"),
        ["slots end before start"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{s.Slug}/event-types/intro/slots?start=2026-12-10&end=2026-12-01&timeZone=UTC"),
        ["slots range over 62 days"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{s.Slug}/event-types/intro/slots?start=2026-12-01&end=2027-02-01&timeZone=UTC"),
        ["slots unknown zone"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{s.Slug}/event-types/intro/slots?start=2026-12-01&end=2026-12-02&timeZone=Nowhere/Land"),
        ["slots malformed date"] = s => new HttpRequestMessage(HttpMethod.Get, $"/api/hosts/{s.Slug}/event-types/intro/slots?start=2026-13-01&end=2026-12-02&timeZone=UTC"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRequest_Gets4xxProblemAndWritesNothing(string name)
    {
        var setup = await Setups.GetValue(app, a => SetupAsync(new TestHosts(a)));
        var hosts = new TestHosts(app);
        var before = await CountRowsAsync(hosts, setup.Slug);

        using var response = await app.Client.SendAsync(CaseBuilders[name](setup));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.StartsWith("https://schedly.dev/problems/", problem.GetProperty("type").GetString());
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await CountRowsAsync(hosts, setup.Slug));
        using var read = await app.Client.SendAsync(Bearer(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{setup.BookingId}"), setup.Token));
        var booking = await read.ReadJsonAsync();
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(setup.TakenStart, booking.GetProperty("start").GetString());
    }

    [Fact]
    public void Corpus_HasAtLeastFortyCases() => Assert.True(CaseBuilders.Count >= 40, $"only {CaseBuilders.Count} cases");

    private static async Task<Setup> SetupAsync(TestHosts hosts)
    {
        var (slug, _) = await hosts.CreateAsync("badinput", new Dictionary<string, object> { ["intro"] = new { title = "Intro", durationMinutes = 30 } },
            new { weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.ToDictionary(d => d, _ => new object[] { new { start = "09:00", end = "17:00" } }) });
        var day = TestHosts.Today.AddDays(3);
        var slots = await hosts.SlotsAsync(slug, "intro", day, day);
        using var first = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0].Start));
        using var second = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[2].Start, "Other", "other@example.com"));
        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        return new Setup(slug, slots[0].Start, slots[2].Start, slots[5].Start, a.GetProperty("id").GetString()!, a.GetProperty("manageToken").GetString()!, b.GetProperty("manageToken").GetString()!);
    }

    /// <summary>
    /// The rows a write would add. Outbox rows are not counted: the fan-out deletes the setup's own rows at any moment;
    /// an event this request announced would need a booking change, which the booking rows would show.
    /// </summary>
    private static async Task<(int Bookings, int ByStart, int Cells, int Idempotency)> CountRowsAsync(TestHosts hosts, string slug) => (
        (await hosts.RowsAsync(slug, "booking|")).Count,
        (await hosts.RowsAsync(slug, "bystart|")).Count,
        (await hosts.RowsAsync(slug, "cell|")).Count,
        (await hosts.RowsAsync(slug, "idem|")).Count);

    private static object ValidBody(Setup s) => new { start = s.FreeStart, name = "Ada", email = "a@example.com", timeZone = "UTC" };

    private static HttpRequestMessage Valid(Setup s, string? start = null, string? name = null, string? email = null, string? timeZone = null, string? notes = null, string? path = null) =>
        Json(HttpMethod.Post, path ?? s.BookPath, new { start = start ?? s.FreeStart, name = name ?? "Ada", email = email ?? "a@example.com", timeZone = timeZone ?? "UTC", notes = notes ?? "" });

    private static HttpRequestMessage Book(Setup s, object body) => Json(HttpMethod.Post, s.BookPath, body);

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => HttpExtensions.Json(method, path, body);

    private static HttpRequestMessage Raw(string path, string body, string contentType = "application/json") =>
        HttpExtensions.RawJson(HttpMethod.Post, path, body, contentType);

    private static HttpRequestMessage RawBytes(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage Bearer(HttpRequestMessage request, string token) => request.WithBearer(token);

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private sealed record Setup(string Slug, string TakenStart, string OtherStart, string FreeStart, string BookingId, string Token, string OtherToken)
    {
        public string BookPath => $"/api/hosts/{Slug}/event-types/intro/bookings";
    }
}
