using System.Net;
using System.Text.Json;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Teams;

/// <summary>
/// Team bookings after booking, through HTTP on Azurite: a round-robin booking moves under the team's event type and
/// keeps its member (the team slots with <c>host</c> offer only that member's times); a collective booking is cancelled
/// as a whole by the client or by any member host, and refuses to move with a clear problem.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class TeamManageTests(SchedlyAppFixture app)
{
    private readonly TestTeams _teams = new(app);

    [Fact]
    public async Task RoundRobin_Reschedule_UsesTheTeamsType_AndKeepsTheMember()
    {
        var members = await _teams.MembersAsync(2, "rrmove");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(9);
        var booking = await BookedAsync(team, "anyone", $"{day:yyyy-MM-dd}T09:00:00Z");
        var member = booking.GetProperty("host").GetString()!;
        var other = members.Single(m => m.Slug != member).Slug;
        Assert.Equal("roundRobin", booking.GetProperty("teamAssignment").GetString());

        // The member is busy at 11:00 (another team's booking); the other member is free then.
        var solo = await _teams.CreateAsync([member], "solo");
        using (var busy = await _teams.BookAsync(solo, "anyone", $"{day:yyyy-MM-dd}T11:00:00Z"))
        {
            Assert.Equal(HttpStatusCode.Created, busy.StatusCode);
        }

        Assert.Contains("11:00", await _teams.SlotsAsync(team, "anyone", day)); // the team still offers it (the other member)
        var memberSlots = await _teams.SlotsAsync(team, "anyone", day, member);
        Assert.DoesNotContain("11:00", memberSlots); // ...but not for this booking's member
        Assert.Contains("13:00", memberSlots);
        Assert.DoesNotContain("09:00", memberSlots); // the booking's own time is taken

        using var refused = await RescheduleAsync(booking, $"{day:yyyy-MM-dd}T11:00:00Z");
        await refused.AssertProblemAsync(409, "slot-unavailable"); // never handed to the other member

        using var moved = await RescheduleAsync(booking, $"{day:yyyy-MM-dd}T13:00:00Z");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.ReadJsonAsync();
        Assert.Equal(member, after.GetProperty("host").GetString());
        Assert.Equal(booking.GetProperty("id").GetString(), after.GetProperty("id").GetString());
        Assert.Equal($"{day:yyyy-MM-dd}T14:00:00Z", after.GetProperty("end").GetString()); // the team type's 60 minutes
        Assert.Equal(team, after.GetProperty("team").GetString());
        Assert.Contains("09:00", await _teams.SlotsAsync(team, "anyone", day, member)); // the old time is free again
        Assert.DoesNotContain("13:00", await _teams.SlotsAsync(team, "anyone", day, member));
        Assert.Empty(await _teams.HostBookingsAsync(other, members.Single(m => m.Slug == other).ApiKey, day));
    }

    [Fact]
    public async Task TeamSlots_WithAHostNotInTheTeam_IsAValidationProblem()
    {
        var members = await _teams.MembersAsync(1, "slotshost");
        var outsider = await _teams.MembersAsync(1, "outsider");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(3);

        foreach (var host in new[] { outsider[0].Slug, "Not A Slug", "" })
        {
            using var response = await app.Client.GetAsync($"/api/teams/{team}/event-types/anyone/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC&host={Uri.EscapeDataString(host)}");
            var problem = await response.AssertProblemAsync(400, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("host", out _), host);
        }
    }

    [Fact]
    public async Task Collective_CancelledByTheClient_CancelsEveryMembersBooking()
    {
        var (members, team, day, booking) = await CollectiveBookedAsync(3, "collcancel", 10, 10);
        Assert.Equal("collective", booking.GetProperty("teamAssignment").GetString());

        using var cancelled = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/cancel", new { reason = "Plans changed" })
            .WithBearer(booking.GetProperty("manageToken").GetString()));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("status").GetString());
        await AssertEveryMemberCancelledAsync(members, day, "client", "Plans changed");
        Assert.Contains("10:00", await _teams.SlotsAsync(team, "together", day));
    }

    [Fact]
    public async Task Collective_CancelledByAnyMemberHost_CancelsEveryMembersBooking()
    {
        var (members, team, day, _) = await CollectiveBookedAsync(3, "collhost", 11, 12);
        var (slug, key) = members.OrderBy(m => m.Slug, StringComparer.Ordinal).Last(); // not the client's (first) booking
        var own = Assert.Single(await _teams.HostBookingsAsync(slug, key, day)).GetProperty("id").GetString();

        using var cancelled = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{own}/cancel", new { reason = "Sick" }).WithBearer(key));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await AssertEveryMemberCancelledAsync(members, day, "host", "Sick");
        Assert.Contains("12:00", await _teams.SlotsAsync(team, "together", day));
    }

    [Fact]
    public async Task Collective_ClientAndEveryHostCancellingAtOnce_OneDecisionCancelsEveryMember()
    {
        var (members, _, day, booking) = await CollectiveBookedAsync(3, "collrace", 13, 9);
        var requests = new List<HttpRequestMessage>
        {
            Json(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/cancel", new { reason = "client" })
                .WithBearer(booking.GetProperty("manageToken").GetString()),
        };
        foreach (var (slug, key) in members)
        {
            var own = Assert.Single(await _teams.HostBookingsAsync(slug, key, day)).GetProperty("id").GetString();
            requests.Add(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{own}/cancel", new { reason = slug }).WithBearer(key));
        }

        var responses = await Task.WhenAll(requests.Select(r => app.Client.SendAsync(r)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var cancelled = new List<JsonElement>();
        foreach (var (slug, key) in members)
        {
            cancelled.Add(Assert.Single(await _teams.HostBookingsAsync(slug, key, day)));
        }

        Assert.All(cancelled, b => Assert.Equal("cancelled", b.GetProperty("status").GetString()));
        // One decision: every member's booking carries the same reason, whichever request won.
        Assert.Single(cancelled.Select(b => b.GetProperty("cancelReason").GetString()).Distinct());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Collective_Reschedule_IsRefusedWithAClearProblem_AndChangesNothing()
    {
        var (members, _, day, booking) = await CollectiveBookedAsync(2, "collmove", 12, 10);
        var (slug, key) = members[0];
        var own = Assert.Single(await _teams.HostBookingsAsync(slug, key, day)).GetProperty("id").GetString();

        using var byClient = await RescheduleAsync(booking, $"{day:yyyy-MM-dd}T14:00:00Z");
        using var byHost = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{own}/reschedule", new { start = $"{day:yyyy-MM-dd}T14:00:00Z" }).WithBearer(key));

        await byClient.AssertProblemAsync(409, "collective-not-movable");
        await byHost.AssertProblemAsync(409, "collective-not-movable");
        foreach (var (member, memberKey) in members)
        {
            var listed = Assert.Single(await _teams.HostBookingsAsync(member, memberKey, day));
            Assert.Equal($"{day:yyyy-MM-dd}T10:00:00Z", listed.GetProperty("start").GetString());
            Assert.Equal("confirmed", listed.GetProperty("status").GetString());
        }
    }

    /// <summary>A new team of <paramref name="size"/> members whose collective type is booked <paramref name="daysAhead"/> days on at <paramref name="hour"/>:00 UTC.</summary>
    private async Task<(List<(string Slug, string ApiKey)> Members, string Team, DateOnly Day, JsonElement Booking)> CollectiveBookedAsync(int size, string prefix, int daysAhead, int hour)
    {
        var members = await _teams.MembersAsync(size, prefix);
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(daysAhead);
        return (members, team, day, await BookedAsync(team, "together", $"{day:yyyy-MM-dd}T{hour:00}:00:00Z"));
    }

    private async Task<JsonElement> BookedAsync(string team, string eventType, string start)
    {
        using var response = await _teams.BookAsync(team, eventType, start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private Task<HttpResponseMessage> RescheduleAsync(JsonElement booking, string start) =>
        app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/reschedule", new { start })
            .WithBearer(booking.GetProperty("manageToken").GetString()));

    private async Task AssertEveryMemberCancelledAsync(List<(string Slug, string ApiKey)> members, DateOnly day, string cancelledBy, string reason)
    {
        foreach (var (slug, key) in members)
        {
            var listed = Assert.Single(await _teams.HostBookingsAsync(slug, key, day));
            Assert.Equal("cancelled", listed.GetProperty("status").GetString());
            Assert.Equal(cancelledBy, listed.GetProperty("cancelledBy").GetString());
            Assert.Equal(reason, listed.GetProperty("cancelReason").GetString());
        }
    }
}
