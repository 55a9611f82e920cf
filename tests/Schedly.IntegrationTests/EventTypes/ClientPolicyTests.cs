using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.IntegrationTests.Notifications;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.EventTypes;

/// <summary>The client change policy through HTTP: late or too many changes are 409 policy-violation and change nothing; the host can always cancel.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class ClientPolicyTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    private async Task<(string Slug, string Key, string Id, string Token, List<(string Start, string End)> Slots)> BookAsync(string prefix, object policy)
    {
        var (slug, key) = await _hosts.CreateAsync(prefix, new Dictionary<string, object>
        {
            ["call"] = new { title = "Call", durationMinutes = 30, clientPolicy = policy },
        });
        var day = TestHosts.Today.AddDays(3);
        var slots = await _hosts.SlotsAsync(slug, "call", day, day);
        using var created = await _hosts.BookAsync(slug, "call", TestHosts.BookingBody(slots[4].Start));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.ReadJsonAsync();
        return (slug, key, booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!, slots);
    }

    [Fact]
    public async Task Cancel_AfterTheDeadline_Is409NamingItAndChangesNothing_ButTheHostCanCancel()
    {
        // The booking is about three days ahead; a 10-day notice has passed already.
        var (slug, key, id, token, _) = await BookAsync("late", new { cancelNoticeMinutes = 14_400 });
        var rowsBefore = await LastingRowsAsync(slug);

        using var late = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/cancel", new { reason = "x" }).WithBearer(token));

        var problem = await late.AssertProblemAsync(409, "policy-violation");
        Assert.Contains("Free cancellation ended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", problem.GetProperty("detail").GetString());
        Assert.Equal(rowsBefore, await LastingRowsAsync(slug));
        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token));
        var booking = await read.ReadJsonAsync();
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.NotNull(booking.GetProperty("cancelDeadline").GetString());

        using var byHost = await Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/cancel", new { reason = "Host" }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, byHost.StatusCode);
    }

    [Fact]
    public async Task Reschedule_BeyondTheLimit_Is409AndChangesNothing()
    {
        var (slug, _, id, token, slots) = await BookAsync("often", new { maxReschedules = 1, cancelNoticeMinutes = 60 });

        using var first = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[8].Start }).WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(0, (await first.ReadJsonAsync()).GetProperty("reschedulesLeft").GetInt32());
        var cells = (await _hosts.RowsAsync(slug, "cell|")).Select(r => r.RowKey + r.ETag).ToList();

        using var second = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[12].Start }).WithBearer(token));

        await second.AssertProblemAsync(409, "policy-violation");
        Assert.Equal(cells, (await _hosts.RowsAsync(slug, "cell|")).Select(r => r.RowKey + r.ETag).ToList());
        Assert.True(await NotificationHarness.EventuallyAsync(async () => (await _hosts.EmailedEventsAsync(slug)).Count == 2), "created and rescheduled were not both announced");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await _hosts.EmailedEventsAsync(slug)).Count);
        using var cancel = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/cancel", new { reason = "ok" }).WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }

    [Theory]
    [InlineData("{\"title\":\"Call\",\"clientPolicy\":{\"cancelNoticeMinutes\":-1}}", "clientPolicy.cancelNoticeMinutes")]
    [InlineData("{\"title\":\"Call\",\"clientPolicy\":{\"maxReschedules\":1000}}", "clientPolicy.maxReschedules")]
    public async Task PutEventType_BadPolicy_Is400(string json, string field)
    {
        var (slug, key) = await _hosts.CreateAsync("badpol", new Dictionary<string, object>());

        using var put = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/call", json).WithBearer(key));

        var problem = await put.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private HttpClient Client => app.Client;

    /// <summary>The host's rows other than outbox rows (which the fan-out deletes at its own pace), with their versions.</summary>
    private async Task<List<string>> LastingRowsAsync(string slug) =>
        [.. (await _hosts.RowsAsync(slug, "")).Where(r => !r.RowKey.StartsWith("outbox|", StringComparison.Ordinal)).Select(r => r.RowKey + r.ETag)];
}
