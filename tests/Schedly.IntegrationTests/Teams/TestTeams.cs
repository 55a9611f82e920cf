using System.Net;
using System.Net.Http.Json;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Teams;

/// <summary>Teams set up through the operator's routes, and team bookings through the public route.</summary>
public sealed class TestTeams(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    public TestHosts Hosts => _hosts;

    /// <summary><paramref name="count"/> new hosts open all week (UTC), with their API keys.</summary>
    public Task<List<(string Slug, string ApiKey)>> MembersAsync(int count, string prefix = "member") =>
        MembersAsync([.. Enumerable.Repeat("Ada Lovelace", count)], prefix);

    /// <summary>A new host open all week (UTC) per name in <paramref name="names"/>, each with an address of its own, with their API keys.</summary>
    public async Task<List<(string Slug, string ApiKey)>> MembersAsync(IReadOnlyList<string> names, string prefix = "member")
    {
        var members = new List<(string, string)>();
        foreach (var name in names)
        {
            members.Add(await _hosts.CreateAsync(prefix, new Dictionary<string, object>(), hostName: name, hostEmail: name.Split(' ')[0].ToLowerInvariant() + "@example.org"));
        }

        return members;
    }

    /// <summary>A new team of <paramref name="members"/> with a 60-minute <c>together</c> (collective) and <c>anyone</c> (round-robin) type.</summary>
    public async Task<string> CreateAsync(IEnumerable<string> members, string prefix = "team")
    {
        var team = SchedlyAppFixture.UniqueSlug(prefix);
        using var created = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}", new
        {
            name = "Advisors",
            members = members.Select(m => new { host = m }).ToArray(),
        }).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var (slug, assignment) in new[] { ("together", "collective"), ("anyone", "roundRobin") })
        {
            using var type = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/{slug}", new { title = "Advice", durationMinutes = 60, assignment })
                .WithBearer(SchedlyAppFixture.OperatorKey));
            Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        }

        return team;
    }

    public Task<HttpResponseMessage> BookAsync(string team, string eventType, string start, string? idempotencyKey = null, string email = "grace@example.com")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/teams/{team}/event-types/{eventType}/bookings")
        {
            Content = JsonContent.Create(new { start, name = "Grace Hopper", email, timeZone = "America/New_York" }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return app.Client.SendAsync(request);
    }

    /// <summary>The starts (HH:mm, UTC) the team type offers on <paramref name="day"/> (only <paramref name="host"/>'s, when given).</summary>
    public async Task<List<string>> SlotsAsync(string team, string eventType, DateOnly day, string? host = null)
    {
        using var response = await app.Client.GetAsync($"/api/teams/{team}/event-types/{eventType}/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC{(host is null ? "" : "&host=" + host)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("start").GetString()![11..16])];
    }

    /// <summary>The host's bookings on <paramref name="day"/> as the admin list shows them (every status).</summary>
    public async Task<List<System.Text.Json.JsonElement>> HostBookingsAsync(string host, string apiKey, DateOnly day)
    {
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{host}/bookings?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}").WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("bookings").EnumerateArray()];
    }
}
