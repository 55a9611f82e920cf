using System.Net;
using System.Text.Json;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Teams;

/// <summary>Teams through HTTP on Azurite: the operator sets a team up; its slots are the members' union or intersection.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class TeamSlotsTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    private HttpClient Client => app.Client;

    private static object Hours(string start, string end) => new
    {
        weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(day => day, _ => new object[] { new { start, end } }),
    };

    private async Task<(string Team, string Ada, string AdaKey, string Bob)> TeamAsync()
    {
        var (ada, adaKey) = await _hosts.CreateAsync("ada", new Dictionary<string, object>(), Hours("09:00", "12:00"));
        var (bob, _) = await _hosts.CreateAsync("bob", new Dictionary<string, object>(), Hours("11:00", "14:00"));
        var team = SchedlyAppFixture.UniqueSlug("advisors");
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}", new
        {
            name = "Advisors",
            members = new object[] { new { host = ada, priority = 2, weight = 100 }, new { host = bob } },
        }).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var (slug, assignment) in new[] { ("together", "collective"), ("anyone", "roundRobin") })
        {
            using var type = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/{slug}", new { title = "Advice", durationMinutes = 60, assignment })
                .WithBearer(SchedlyAppFixture.OperatorKey));
            Assert.Equal(HttpStatusCode.Created, type.StatusCode);
            Assert.Equal(assignment, (await type.ReadJsonAsync()).GetProperty("assignment").GetString());
        }

        return (team, ada, adaKey, bob);
    }

    private async Task<List<string>> SlotsAsync(string team, string type, DateOnly day)
    {
        using var response = await Client.GetAsync($"/api/teams/{team}/event-types/{type}/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("start").GetString()![11..16])];
    }

    [Fact]
    public async Task Collective_OffersWhenEveryoneIsFree_RoundRobin_WhenAnyoneIs()
    {
        var (team, ada, _, _) = await TeamAsync();
        var day = TestHosts.Today.AddDays(3);

        Assert.Equal(["11:00"], await SlotsAsync(team, "together", day));
        Assert.Equal(["09:00", "10:00", "11:00", "12:00", "13:00"], await SlotsAsync(team, "anyone", day));

        // Ada's own booking at 11:00 (of another type) takes the one common hour away, not the team's other hours.
        using var adaType = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{ada}/event-types/solo", new { title = "Solo", durationMinutes = 60 })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, adaType.StatusCode);
        using var booked = await _hosts.BookAsync(ada, "solo", TestHosts.BookingBody($"{day:yyyy-MM-dd}T11:00:00Z"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        Assert.Empty(await SlotsAsync(team, "together", day));
        Assert.Equal(["09:00", "10:00", "11:00", "12:00", "13:00"], await SlotsAsync(team, "anyone", day));
    }

    [Fact]
    public async Task PublicTeam_ShowsNamesAndTypes_NotWeights()
    {
        var (team, _, _, _) = await TeamAsync();

        using var response = await Client.GetAsync($"/api/teams/{team}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = TestHosts.Parse(text);
        Assert.Equal("Advisors", body.GetProperty("name").GetString());
        Assert.Equal(2, body.GetProperty("members").GetArrayLength());
        Assert.All(body.GetProperty("members").EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString())));
        Assert.Equal(["anyone", "together"], body.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetProperty("slug").GetString()));
        // Each type as a booking page needs it: the host's public event type fields, and how it is assigned.
        var together = body.GetProperty("eventTypes")[1];
        Assert.Equal("collective", together.GetProperty("assignment").GetString());
        Assert.Equal(60, together.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(JsonValueKind.Array, together.GetProperty("questions").ValueKind);
        Assert.Equal([60], together.GetProperty("durationOptions").EnumerateArray().Select(o => o.GetProperty("minutes").GetInt32()));
        Assert.Equal(JsonValueKind.False, body.GetProperty("proofOfWork").ValueKind);
        Assert.DoesNotContain("weight", text, StringComparison.Ordinal);
        Assert.DoesNotContain("email", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheOperator_ChangesTeams()
    {
        var (team, _, adaKey, _) = await TeamAsync();
        var body = new { name = "Mine", members = new object[] { new { host = "nobody" } } };

        using var anonymous = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}", body));
        using var host = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}", body).WithBearer(adaKey));

        await anonymous.AssertProblemAsync(401, "unauthorized");
        await host.AssertProblemAsync(403, "forbidden");
        using var after = await Client.GetAsync($"/api/teams/{team}");
        Assert.Equal("Advisors", (await after.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task BadTeams_Are400NamingTheField_AndWriteNothing()
    {
        var (ada, _) = await _hosts.CreateAsync("ada", new Dictionary<string, object>());
        var team = SchedlyAppFixture.UniqueSlug("bad");
        var cases = new (object Body, string Field)[]
        {
            (new { name = "X", members = new object[] { new { host = "no-such-host-here" } } }, "members[0].host"),
            (new { name = "X", members = new object[] { new { host = ada }, new { host = ada } } }, "members[1].host"),
            (new { name = "X", members = new object[] { new { host = ada, weight = 0 } } }, "members[0].weight"),
            (new { name = "X", members = new object[] { new { host = ada, priority = 9 } } }, "members[0].priority"),
            (new { name = "", members = new object[] { new { host = ada } } }, "name"),
            (new { name = "X", members = Array.Empty<object>() }, "members"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}", body).WithBearer(SchedlyAppFixture.OperatorKey));
            var problem = await response.AssertProblemAsync(400, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }

        using var missing = await Client.GetAsync($"/api/teams/{team}");
        await missing.AssertProblemAsync(404, "not-found");
        using var typeOfMissingTeam = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/call", new { title = "Call", assignment = "collective" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        await typeOfMissingTeam.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task BadTeamEventTypes_Are400()
    {
        var (team, _, _, _) = await TeamAsync();

        using var noAssignment = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/call", new { title = "Call" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        using var badDuration = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/call", new { title = "Call", durationMinutes = 0, assignment = "anyone" })
            .WithBearer(SchedlyAppFixture.OperatorKey));

        using var seated = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/teams/{team}/event-types/call", new { title = "Call", assignment = "roundRobin", seats = 4 })
            .WithBearer(SchedlyAppFixture.OperatorKey));

        var first = await noAssignment.AssertProblemAsync(400, "validation");
        Assert.True(first.GetProperty("errors").TryGetProperty("assignment", out _));
        var second = await badDuration.AssertProblemAsync(400, "validation");
        Assert.True(second.GetProperty("errors").TryGetProperty("assignment", out _));
        Assert.True(second.GetProperty("errors").TryGetProperty("durationMinutes", out _));
        var third = await seated.AssertProblemAsync(400, "validation");
        Assert.True(third.GetProperty("errors").TryGetProperty("seats", out _));
        using var slots = await Client.GetAsync($"/api/teams/{team}/event-types/call/slots?start=2030-01-01&end=2030-01-01&timeZone=UTC");
        await slots.AssertProblemAsync(404, "not-found");
    }
}
