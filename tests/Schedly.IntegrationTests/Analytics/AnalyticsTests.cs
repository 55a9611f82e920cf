using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Schedly.Core.Analytics;
using Schedly.Core.Hosts;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Analytics;

/// <summary>The rollup the timer runs, through the app's own services, and the analytics route.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class AnalyticsTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task Rollup_IsIdempotentAndALateCancelCorrectsItsDay()
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("analytics", new Dictionary<string, object>
        {
            ["intro"] = new { title = "Intro", durationMinutes = 30, price = new { amount = "50.00", currency = "EUR" } },
        });
        var day = TestHosts.Today.AddDays(3);
        var slots = await hosts.SlotsAsync(slug, "intro", day, day);
        using var first = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0].Start));
        using var second = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[3].Start, "Alan", "alan@example.com"));
        var rollUp = app.Runner.Services.GetRequiredService<RollUpAnalytics>();

        await rollUp.RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);
        var once = await ReportAsync(slug, key, day);
        await rollUp.RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);
        var twice = await ReportAsync(slug, key, day);

        // The figures are the same; only lastUpdated moves with the second write.
        Assert.Equal(once.GetProperty("totals").ToString(), twice.GetProperty("totals").ToString());
        Assert.Equal(once.GetProperty("days").ToString(), twice.GetProperty("days").ToString());
        Assert.True(
            DateTimeOffset.Parse(twice.GetProperty("lastUpdated").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(once.GetProperty("lastUpdated").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, once.GetProperty("totals").GetProperty("booked").GetInt32());
        Assert.Equal("100.00", once.GetProperty("totals").GetProperty("revenue").GetProperty("EUR").GetString());

        var booking = await first.ReadJsonAsync();
        using var cancel = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/cancel")
            .WithBearer(booking.GetProperty("manageToken").GetString()!));
        await rollUp.RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);
        var afterCancel = await ReportAsync(slug, key, day);

        var totals = afterCancel.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("booked").GetInt32());
        Assert.Equal(1, totals.GetProperty("cancelled").GetInt32());
        Assert.Equal(0.5, totals.GetProperty("cancellationRate").GetDouble());
        Assert.Equal("50.00", totals.GetProperty("revenue").GetProperty("EUR").GetString());
        var dayRow = Assert.Single(afterCancel.GetProperty("days").EnumerateArray());
        Assert.Equal(day.ToString("yyyy-MM-dd"), dayRow.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Rollup_DayLeftWithoutBookings_LosesItsRowAndTheRollupKeepsWorking()
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("analyticsmove", new Dictionary<string, object> { ["intro"] = new { title = "Intro", durationMinutes = 30 } });
        var (day, next) = (TestHosts.Today.AddDays(3), TestHosts.Today.AddDays(4));
        using var booked = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody((await hosts.SlotsAsync(slug, "intro", day, day))[0].Start));
        var booking = await booked.ReadJsonAsync();
        var rollUp = app.Runner.Services.GetRequiredService<RollUpAnalytics>();
        await rollUp.RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);

        // Moving the only booking of `day` away leaves that day's stored rollup row stale: the rollup must delete it.
        using var moved = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/reschedule")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { start = (await hosts.SlotsAsync(slug, "intro", next, next))[0].Start }),
        }.WithBearer(booking.GetProperty("manageToken").GetString()!));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await rollUp.RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);

        Assert.Empty((await ReportAsync(slug, key, day)).GetProperty("days").EnumerateArray());
        var nextDay = Assert.Single((await ReportAsync(slug, key, next)).GetProperty("days").EnumerateArray());
        Assert.Equal(1, nextDay.GetProperty("booked").GetInt32());
        Assert.Equal(1, nextDay.GetProperty("rescheduled").GetInt32());
    }

    [Fact]
    public async Task LastUpdated_IsNullBeforeAnyRollUpAndThenWhenTheRollUpWrote()
    {
        var hosts = new TestHosts(app);
        var (slug, key) = await hosts.CreateAsync("analyticsupdated", new Dictionary<string, object> { ["intro"] = new { title = "Intro", durationMinutes = 30 } });
        var day = TestHosts.Today.AddDays(2);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ReportAsync(slug, key, day)).GetProperty("lastUpdated").ValueKind);

        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var booked = await hosts.BookAsync(slug, "intro", TestHosts.BookingBody((await hosts.SlotsAsync(slug, "intro", day, day))[0].Start));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        await app.Runner.Services.GetRequiredService<RollUpAnalytics>().RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);

        var updated = DateTimeOffset.Parse((await ReportAsync(slug, key, day)).GetProperty("lastUpdated").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(updated, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Analytics_BadRange_Is400()
    {
        var (slug, key) = await new TestHosts(app).CreateAsync("analyticsbad", new Dictionary<string, object> { ["intro"] = new { title = "Intro" } });
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/analytics?start=2026-12-10&end=2026-12-01").WithBearer(key));
        await response.AssertProblemAsync(400, "validation");
    }

    private async Task<System.Text.Json.JsonElement> ReportAsync(string slug, string key, DateOnly day)
    {
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/analytics?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
