using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// Teams for the browser tests, set up through the operator's routes: members are fixture hosts (open 09:00–17:00 in
/// <see cref="BrowserAppFixture.HostZone"/>), each renamed so a page can tell them apart; the team has one 30-minute
/// event type <c>advice</c>. Bookings go through the public team route with a solved proof of work.
/// </summary>
public sealed class BrowserTeams(BrowserAppFixture app)
{
    public const string EventType = "advice";

    /// <summary>A new team of new hosts named <paramref name="names"/>, with <c>advice</c> staffed by <paramref name="assignment"/>.</summary>
    public async Task<(string Team, List<(string Slug, string ApiKey, string Name)> Members)> CreateAsync(string assignment, params string[] names)
    {
        var members = new List<(string, string, string)>();
        foreach (var name in names)
        {
            var (slug, key) = await app.CreateHostWithKeyAsync("member");
            await app.PutHostAsync(slug, new Dictionary<string, object> { ["name"] = name });
            members.Add((slug, key, name));
        }

        var team = await CreateTeamAsync(members.Select(m => m.Item1), (EventType, "Advice session", assignment));
        return (team, members);
    }

    /// <summary>
    /// A new team "Advisors" of <paramref name="members"/> (operator key) with the given 30-minute types (every 30
    /// minutes, no notice); returns its slug.
    /// </summary>
    public async Task<string> CreateTeamAsync(IEnumerable<string> members, params (string Slug, string Title, string Assignment)[] types)
    {
        var team = $"team-{Guid.NewGuid():N}"[..17];
        using (var created = await SendAsync(HttpMethod.Put, $"/api/admin/teams/{team}", BrowserAppFixture.OperatorKey, new { name = "Advisors", members = members.Select(m => new { host = m }).ToArray() }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var (slug, title, assignment) in types)
        {
            using var type = await SendAsync(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/{slug}", BrowserAppFixture.OperatorKey, new
            {
                title,
                durationMinutes = 30,
                slotIntervalMinutes = 30,
                minimumNoticeMinutes = 0,
                bookingWindowDays = 60,
                assignment,
            });
            Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        }

        return team;
    }

    /// <summary>The team's free slot starts (ISO UTC) on one date in the host zone; only <paramref name="member"/>'s when given.</summary>
    public Task<List<string>> SlotStartsAsync(string team, DateOnly date, string? member = null) =>
        SlotStartsAsync(team, EventType, date, BrowserAppFixture.HostZone, member);

    /// <summary>The free slot starts (ISO UTC) of a team type on one date in <paramref name="timeZone"/>; only <paramref name="member"/>'s when given.</summary>
    public async Task<List<string>> SlotStartsAsync(string team, string eventType, DateOnly date, string timeZone, string? member = null)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/teams/{team}/event-types/{eventType}/slots?start={day}&end={day}&timeZone={Uri.EscapeDataString(timeZone)}{(member is null ? "" : "&host=" + member)}");
        return [.. body.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("start").GetString()!)];
    }

    /// <summary>Books the team's <c>advice</c> at <paramref name="start"/>; returns the client's booking (id, manage token, host).</summary>
    public async Task<(string Id, string Token, string Host)> BookAsync(string team, string start)
    {
        var altcha = await app.SolveProofOfWorkAsync();
        using var response = await app.Client.PostAsJsonAsync($"/api/teams/{team}/event-types/{EventType}/bookings",
            new { start, name = "Grace Hopper", email = "grace@example.com", timeZone = "America/New_York", notes = "", altcha });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!, booking.GetProperty("host").GetString()!);
    }

    /// <summary>The member's bookings on <paramref name="date"/> as their admin list shows them.</summary>
    public async Task<List<JsonElement>> HostBookingsAsync(string slug, string apiKey, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={day}&end={day}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookings").EnumerateArray()];
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return app.Client.SendAsync(request);
    }
}
