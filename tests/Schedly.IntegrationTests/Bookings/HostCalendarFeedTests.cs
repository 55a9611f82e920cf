using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>The host's subscribable calendar feed, guarded by a separate, revocable feed token.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostCalendarFeedTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task Feed_ListsBookingsAndStopsWorkingWhenRotatedOrRevoked()
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("feed", new Dictionary<string, object> { ["intro"] = new { title = "Intro call" } });
        var day = TestHosts.Today.AddDays(2);
        var slots = await hosts.SlotsAsync(slug, "intro", day, day);
        using var first = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[1].Start));
        using var second = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[4].Start, "Alan Turing", "alan@example.com"));

        using var issued = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/feed-token").WithBearer(key));
        var absolute = new Uri((await issued.ReadJsonAsync()).GetProperty("url").GetString()!, UriKind.Absolute);
        Assert.Equal("http://127.0.0.1:7071/", absolute.GetLeftPart(UriPartial.Authority) + "/"); // Schedly:PublicBaseUrl (default)
        var url = absolute.PathAndQuery; // the test app listens on another port
        using var feed = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Equal(2, calendar.Events.Count);
        Assert.Contains(calendar.Events, e => e.Summary == "Intro call: Alan Turing");

        using var rotated = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/feed-token").WithBearer(key));
        using var oldUrl = await app.Client.GetAsync(url);
        await oldUrl.AssertProblemAsync(404, "not-found");
        var newUrl = new Uri((await rotated.ReadJsonAsync()).GetProperty("url").GetString()!).PathAndQuery;
        using var revoke = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/feed-token").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var afterRevoke = await app.Client.GetAsync(newUrl);
        await afterRevoke.AssertProblemAsync(404, "not-found");
        using var noToken = await app.Client.GetAsync($"/api/hosts/{slug}/calendar.ics");
        await noToken.AssertProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task Feed_TitlesATeamBooking_WithTheTeamsEventType()
    {
        var teams = new Teams.TestTeams(app);
        var members = await teams.MembersAsync(2, "feedteam");
        var team = await teams.CreateAsync(members.Select(m => m.Slug));
        var start = $"{TestHosts.Today.AddDays(3):yyyy-MM-dd}T10:00:00Z";
        using var booked = await teams.BookAsync(team, "together", start);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var (slug, key) = members[0];
        using var issued = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/feed-token").WithBearer(key));
        var url = new Uri((await issued.ReadJsonAsync()).GetProperty("url").GetString()!).PathAndQuery;
        using var feed = await app.Client.GetAsync(url);

        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Equal("Advice: Grace Hopper", Assert.Single(calendar.Events).Summary);
    }
}
