using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/bookings/cancel</c>: all upcoming bookings of one client email, or of a span, each
/// cancelled with its own event (one outbox notice each); bad input is 400 and cancels nothing.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class BulkCancelTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Intro = new() { ["intro"] = new { title = "Intro", durationMinutes = 30 } };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task ByEmail_CancelsEveryUpcomingBookingOfThatClientOnly_EachWithOneEvent()
    {
        var (slug, key, slots) = await HostWithSlotsAsync("bulk-email");
        var spammer = new List<string>();
        foreach (var (index, email) in new[] { (0, "spam@example.com"), (2, "Spam@Example.com"), (4, "spam@example.com"), (6, "real@example.com") })
        {
            using var booked = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[index], "Client", email));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            if (email != "real@example.com")
            {
                spammer.Add((await booked.ReadJsonAsync()).GetProperty("id").GetString()!);
            }
        }

        using var bulk = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/cancel", new { email = "SPAM@example.com", reason = "Spam" }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var result = await bulk.ReadJsonAsync();
        Assert.Equal(3, result.GetProperty("matched").GetInt32());
        Assert.Equal(3, result.GetProperty("cancelled").GetInt32());
        Assert.False(result.GetProperty("more").GetBoolean());

        var statuses = await StatusesAsync(slug);
        Assert.All(spammer, id => Assert.Equal("cancelled", statuses[id]));
        Assert.Single(statuses.Values, s => s == "confirmed");
        // One notice each: the ordinary cancellation email to the client, once per booking.
        Assert.True(await Notifications.NotificationHarness.EventuallyAsync(() => spammer.All(id => CancelNotices(id) == 1), TimeSpan.FromSeconds(30)));

        using var again = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/cancel", new { email = "spam@example.com" }).WithBearer(key));
        Assert.Equal(0, (await again.ReadJsonAsync()).GetProperty("matched").GetInt32());
    }

    [Fact]
    public async Task ByRange_CancelsOnlyBookingsStartingInIt()
    {
        var (slug, key, slots) = await HostWithSlotsAsync("bulk-range");
        foreach (var index in new[] { 1, 3, 5 })
        {
            (await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[index], "Client", $"c{index}@example.com"))).Dispose();
        }

        using var bulk = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/cancel", new { from = slots[1], to = slots[5] }).WithBearer(key));
        var result = await bulk.ReadJsonAsync();

        Assert.Equal(2, result.GetProperty("cancelled").GetInt32());
        Assert.Equal(1, (await StatusesAsync(slug)).Values.Count(s => s == "confirmed"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"a@example.com\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-01-02T00:00:00Z\"}")]
    [InlineData("{\"email\":\"not an email\"}")]
    [InlineData("{\"from\":\"2030-01-02T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"}")]
    [InlineData("{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2032-01-01T00:00:00Z\"}")]
    [InlineData("{\"from\":\"yesterday\",\"to\":\"2030-01-01T00:00:00Z\"}")]
    [InlineData("{\"from\":\"2030-01-01T00:00:00Z\"}")]
    [InlineData("{\"email\":\"a@example.com\",\"reason\":\"bad\\u0007bell\"}")]
    [InlineData("{\"email\":5}")]
    [InlineData("[]")]
    public async Task BadInput_Is400ProblemAndCancelsNothing(string body)
    {
        var (slug, key, slots) = await HostWithSlotsAsync("bulk-bad");
        (await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0], "Client", "a@example.com"))).Dispose();

        using var response = await app.Client.SendAsync(RawJson(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/cancel", body).WithBearer(key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.All((await StatusesAsync(slug)).Values, s => Assert.Equal("confirmed", s));
    }

    [Fact]
    public async Task WithoutTheHostsKey_Is401()
    {
        var (slug, _, _) = await HostWithSlotsAsync("bulk-auth");

        using var response = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/cancel", new { email = "a@example.com" }));

        await response.AssertProblemAsync(401, "unauthorized");
    }

    private async Task<(string Slug, string Key, List<string> Slots)> HostWithSlotsAsync(string prefix)
    {
        var (slug, key) = await _hosts.CreateAsync(prefix, Intro);
        var day = TestHosts.Today.AddDays(4);
        return (slug, key, [.. (await _hosts.SlotsAsync(slug, "intro", day, day)).Select(s => s.Start)]);
    }

    /// <summary>Booking id (<c>{host}--</c> and the row key after <c>booking|</c>, as the API shows it) to status.</summary>
    private async Task<Dictionary<string, string>> StatusesAsync(string slug) =>
        (await _hosts.RowsAsync(slug, "booking|")).ToDictionary(r => slug + "--" + r.RowKey["booking|".Length..], r => (r.GetString("Status") ?? "").ToLowerInvariant());

    private int CancelNotices(string bookingId)
    {
        var folder = app.Runner.Configuration["Schedly:Email:PickupFolder"]!;
        return Directory.Exists(folder) ? Directory.GetFiles(folder, $"{bookingId}.cancelled.client.*.eml").Length : 0;
    }
}
