using System.Net;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Teams;

/// <summary>Team bookings through HTTP on Azurite: round-robin gives each booking to one free member, collective to all.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class TeamBookingTests(SchedlyAppFixture app)
{
    private readonly TestTeams _teams = new(app);

    [Fact]
    public async Task RoundRobin_GivesEachBookingToAFreeMember_StoresTheDecision_ThenRunsOut()
    {
        var members = await _teams.MembersAsync(2);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(4);
        var start = $"{day:yyyy-MM-dd}T10:00:00Z";

        using var first = await _teams.BookAsync(team, "anyone", start, idempotencyKey: "rr-first");
        using var second = await _teams.BookAsync(team, "anyone", start);
        using var third = await _teams.BookAsync(team, "anyone", start);
        using var replay = await _teams.BookAsync(team, "anyone", start, idempotencyKey: "rr-first");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        Assert.Equal(a.GetProperty("id").GetString(), (await replay.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal(team, a.GetProperty("team").GetString());
        var hosts = new[] { a, b }.Select(x => x.GetProperty("hosts").EnumerateArray().Single().GetString()!).ToHashSet();
        Assert.Equal(members.Select(m => m.Slug).ToHashSet(), hosts); // one each: the second went to the member still free
        Assert.False(a.TryGetProperty("assignment", out _)); // the client never sees the decision

        // The host sees why: both members were free for the first booking, equal on credit and history.
        var firstHost = a.GetProperty("host").GetString()!;
        var listed = (await _teams.HostBookingsAsync(firstHost, members.Single(m => m.Slug == firstHost).ApiKey, day)).Single();
        var assignment = listed.GetProperty("assignment");
        Assert.Equal("tieBreak", assignment.GetProperty("reason").GetString());
        Assert.Equal(2, assignment.GetProperty("candidates").GetArrayLength());
        Assert.All(assignment.GetProperty("candidates").EnumerateArray(), c => Assert.Equal(0.5, c.GetProperty("credit").GetDouble()));
        Assert.DoesNotContain("10:00", await _teams.SlotsAsync(team, "anyone", day));
    }

    [Fact]
    public async Task RoundRobin_SharesBookingsEvenly_ThroughTheStoredLedger()
    {
        var members = await _teams.MembersAsync(3);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(5);
        var counts = members.ToDictionary(m => m.Slug, _ => 0);

        for (var hour = 0; hour < 9; hour++)
        {
            using var booked = await _teams.BookAsync(team, "anyone", $"{day:yyyy-MM-dd}T{hour + 8:00}:00:00Z");
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            counts[(await booked.ReadJsonAsync()).GetProperty("host").GetString()!]++;
        }

        Assert.All(counts.Values, c => Assert.Equal(3, c)); // every member free every time: strict rotation by credit
    }

    [Fact]
    public async Task Collective_BooksEveryMember_AndTheTimeIsGoneForEachOfThem()
    {
        var members = await _teams.MembersAsync(3);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(6);
        var start = $"{day:yyyy-MM-dd}T13:00:00Z";

        using var booked = await _teams.BookAsync(team, "together", start, idempotencyKey: "all-of-us");
        using var replay = await _teams.BookAsync(team, "together", start, idempotencyKey: "all-of-us");
        using var again = await _teams.BookAsync(team, "together", start);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.ReadJsonAsync();
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal(members.Select(m => m.Slug).Order(StringComparer.Ordinal), body.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("manageToken").GetString()));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(body.GetProperty("id").GetString(), (await replay.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        foreach (var (slug, key) in members)
        {
            var listed = Assert.Single(await _teams.HostBookingsAsync(slug, key, day));
            Assert.Equal("confirmed", listed.GetProperty("status").GetString());
            Assert.Equal(3, listed.GetProperty("hosts").GetArrayLength());
        }

        Assert.DoesNotContain("13:00", await _teams.SlotsAsync(team, "together", day));
        Assert.DoesNotContain("13:00", await _teams.SlotsAsync(team, "anyone", day));
    }

    [Fact]
    public async Task Collective_WithOneMemberBusy_BooksNobody()
    {
        var members = await _teams.MembersAsync(3);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(7);
        var start = $"{day:yyyy-MM-dd}T15:00:00Z";
        var solo = await _teams.CreateAsync([members[^1].Slug], "solo");
        using var busy = await _teams.BookAsync(solo, "anyone", start);
        Assert.Equal(HttpStatusCode.Created, busy.StatusCode);

        using var refused = await _teams.BookAsync(team, "together", start);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        foreach (var (slug, key) in members.Take(2))
        {
            var rows = await _teams.HostBookingsAsync(slug, key, day);
            Assert.All(rows, r => Assert.Equal("released", r.GetProperty("status").GetString()));
        }

        Assert.Contains("15:00", await _teams.SlotsAsync(team, "anyone", day));
    }

    [Fact]
    public async Task TeamBooking_BadInput_IsAProblem_AndWritesNothing()
    {
        var members = await _teams.MembersAsync(1);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));

        using var invalid = await _teams.BookAsync(team, "together", "not-a-time");
        using var unknown = await _teams.BookAsync(team, "nope", $"{TestHosts.Today.AddDays(3):yyyy-MM-dd}T10:00:00Z");
        using var noTeam = await _teams.BookAsync("no-such-team-here", "anyone", $"{TestHosts.Today.AddDays(3):yyyy-MM-dd}T10:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTeam.StatusCode);
        Assert.Empty(await _teams.HostBookingsAsync(members[0].Slug, members[0].ApiKey, TestHosts.Today.AddDays(3)));
    }
}
