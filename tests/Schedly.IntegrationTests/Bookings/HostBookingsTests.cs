using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using NodaTime;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.IntegrationTests.Notifications;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>The host's side of bookings: the paged list, a host-side cancel, and no-shows.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostBookingsTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Intro = new() { ["intro"] = new { title = "Intro", durationMinutes = 30, price = new { amount = "20.00", currency = "GBP" } } };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task List_PagesThroughBookingsSortedByStartWithStatusFilter()
    {
        var (slug, key) = await _hosts.CreateAsync("list", Intro);
        var day = TestHosts.Today.AddDays(3);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        var ids = new List<string>();
        foreach (var index in new[] { 9, 1, 5, 3, 7 })
        {
            using var created = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[index].Start, $"Client {index}", $"c{index}@example.com"));
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetString()!);
        }

        using var cancel = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{ids[0]}/cancel", new { reason = "Host is ill" }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await cancel.ReadJsonAsync();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("host", cancelled.GetProperty("cancelledBy").GetString());
        Assert.Contains(slots[9], await _hosts.SlotsAsync(slug, "intro", day, day));

        var (listed, pages) = await ListAllAsync(slug, key, $"start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&pageSize=2");
        var starts = listed.Select(b => b.GetProperty("start").GetString()!).ToList();

        Assert.Equal(new[] { 1, 3, 5, 7, 9 }.Select(i => slots[i].Start), starts);
        Assert.True(pages >= 3);
        using var confirmedOnly = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&status=confirmed").WithBearer(key));
        var confirmed = (await confirmedOnly.ReadJsonAsync()).GetProperty("bookings").EnumerateArray().ToList();
        Assert.Equal(4, confirmed.Count);
        Assert.All(confirmed, b => Assert.Equal("Navy", b.GetProperty("answers").GetProperty("company").GetString()));
        Assert.All(confirmed, b => Assert.Equal("20.00", b.GetProperty("price").GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task List_SearchesByClientEmailAndPagesBeyondThirtyDays()
    {
        var (slug, key) = await _hosts.CreateAsync("listmail", Intro);
        var (near, far) = (TestHosts.Today.AddDays(2), TestHosts.Today.AddDays(45));
        using var a = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody((await _hosts.SlotsAsync(slug, "intro", near, near))[0].Start, "Grace", "Grace.Hopper@Example.com"));
        using var b = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody((await _hosts.SlotsAsync(slug, "intro", near, near))[2].Start, "Alan", "alan@example.com"));
        using var c = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody((await _hosts.SlotsAsync(slug, "intro", far, far))[0].Start, "Grace", "grace.hopper@example.com"));
        Assert.All(new[] { a, b, c }, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var (found, _) = await ListAllAsync(slug, key, $"end={TestHosts.Today.AddDays(60):yyyy-MM-dd}&email=GRACE.hopper&pageSize=1");

        Assert.Equal(["Grace.Hopper@Example.com", "grace.hopper@example.com"], found.Select(x => x.GetProperty("email").GetString()));
        Assert.Equal(far.ToString("yyyy-MM-dd"), found[1].GetProperty("start").GetString()![..10]);
        Assert.Empty((await ListAllAsync(slug, key, "email=nobody")).Bookings);
    }

    [Fact]
    public async Task List_SeveralStatusesAtOnce_AndCancelledStayListed()
    {
        var (slug, key) = await _hosts.CreateAsync("liststatus", Intro);
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var kept = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0].Start));
        using var dropped = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[2].Start, "Alan", "alan@example.com"));
        var droppedId = (await dropped.ReadJsonAsync()).GetProperty("id").GetString()!;
        using var cancel = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{droppedId}/cancel").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var (cancelled, _) = await ListAllAsync(slug, key, "status=cancelled,declined,expired");
        var (waiting, _) = await ListAllAsync(slug, key, "status=pendingApproval,pendingPayment");
        var (both, _) = await ListAllAsync(slug, key, "status=confirmed,cancelled");

        Assert.Equal(droppedId, Assert.Single(cancelled).GetProperty("id").GetString());
        Assert.Empty(waiting);
        Assert.Equal(2, both.Count);
    }

    [Theory]
    [InlineData("?status=confirmed,bogus")]
    [InlineData("?email=%01x")]
    [InlineData("?start=2026-13-01")]
    [InlineData("?start=2026-12-10&end=2026-12-01")]
    [InlineData("?start=2026-01-01&end=2027-12-31")]
    [InlineData("?status=pending")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=1000")]
    public async Task List_BadQuery_Is400(string query)
    {
        var (slug, key) = await _hosts.CreateAsync("listbad", Intro);
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings{query}").WithBearer(key));
        await response.AssertProblemAsync(400, "validation");
    }

    [Fact]
    public async Task NoShow_BeforeStart_Is409AndAfterStartMarksAndUndoes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (slug, key) = await _hosts.CreateAsync("noshow", Intro);
        await new NotificationHarness(app).RegisterWebhookAsync(slug, key, "crm", receiver.Url, "booking.no_show");
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        using var future = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[0].Start));
        var futureId = (await future.ReadJsonAsync()).GetProperty("id").GetString()!;
        var pastId = await InsertPastBookingAsync(slug);

        using var tooEarly = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{futureId}/no-show").WithBearer(key));
        using var mark = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{pastId}/no-show").WithBearer(key));
        using var undo = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/bookings/{pastId}/no-show").WithBearer(key));
        using var otherHost = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/someone-else--aaaaaaaaaaaaaaaaaaaa/no-show").WithBearer(key));

        await tooEarly.AssertProblemAsync(409, "booking-not-started");
        Assert.True((await mark.ReadJsonAsync()).GetProperty("noShow").GetBoolean());
        Assert.False((await undo.ReadJsonAsync()).GetProperty("noShow").GetBoolean());
        await otherHost.AssertProblemAsync(404, "not-found");
        // One booking.no_show event: the mark's (the refused mark and the undo announce none).
        Assert.True(await NotificationHarness.EventuallyAsync(() => receiver.Received.Count >= 1), "no webhook for the mark");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task NoShow_MarkUndoMark_BothMarksSucceedWithTheirOwnEventAndWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var harness = new NotificationHarness(app);
        var (slug, key) = await _hosts.CreateAsync("noshow2", Intro);
        await harness.RegisterWebhookAsync(slug, key, "crm", receiver.Url, "booking.no_show");
        var pastId = await InsertPastBookingAsync(slug);
        var url = $"/api/admin/hosts/{slug}/bookings/{pastId}/no-show";

        using var mark = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, mark.StatusCode);
        Assert.True(await NotificationHarness.EventuallyAsync(() => receiver.Received.Count >= 1), "no webhook for the first mark");
        using var undo = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithBearer(key));
        using var markAgain = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url).WithBearer(key));

        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.False((await undo.ReadJsonAsync()).GetProperty("noShow").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, markAgain.StatusCode);
        Assert.True((await markAgain.ReadJsonAsync()).GetProperty("noShow").GetBoolean());
        Assert.True(await NotificationHarness.EventuallyAsync(() => receiver.Received.Count >= 2), "no webhook for the second mark");
        var eventIds = receiver.Received.Select(r => NotificationHarness.ParseJson(r.Body).GetProperty("eventId").GetString()!).ToList();
        Assert.Equal(2, eventIds.Distinct(StringComparer.Ordinal).Count());
        Assert.True(BookingId.TryParse(pastId, out var bookingId));
        Assert.All(eventIds, id => Assert.Matches($"^{bookingId.Random}-no_show-0-[0-9]+$", id));
        foreach (var eventId in eventIds)
        {
            Assert.True(await NotificationHarness.EventuallyAsync(() => harness.EffectRecordedAsync(slug, $"webhook|{eventId}.crm")), $"delivery of {eventId} not recorded");
        }

        var delivered = receiver.Received.Select(r => NotificationHarness.ParseJson(r.Body)).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, b => Assert.Equal("booking.no_show", b.GetProperty("type").GetString()));
        Assert.All(delivered, b => Assert.Equal(pastId, b.GetProperty("data").GetProperty("id").GetString()));
        Assert.Equal(eventIds.Order(StringComparer.Ordinal), delivered.Select(b => b.GetProperty("eventId").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(
            eventIds.Select(id => $"{id}.crm").Order(StringComparer.Ordinal),
            receiver.Received.Select(r => r.Headers["Schedly-Delivery-Id"]).Order(StringComparer.Ordinal));
    }

    /// <summary>Every booking the query lists, following the continuation token (at most 20 pages), and how many pages that took.</summary>
    private async Task<(List<System.Text.Json.JsonElement> Bookings, int Pages)> ListAllAsync(string slug, string key, string query)
    {
        var all = new List<System.Text.Json.JsonElement>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = $"/api/admin/hosts/{slug}/bookings?{query}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var page = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url).WithBearer(key));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.ReadJsonAsync();
            all.AddRange(body.GetProperty("bookings").EnumerateArray());
            token = body.GetProperty("continuationToken").GetString();
        }
        while (++pages < 20 && token is not null);

        return (all, pages);
    }

    /// <summary>A booking whose meeting is over, written through the real store (the API never books the past).</summary>
    private async Task<string> InsertPastBookingAsync(string slugText)
    {
        var store = new TableBookingStore(
            new TableServiceClient(app.Azurite.ConnectionString),
            new OutboxGuardQueue(new QueueServiceClient(app.Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        var slug = HostSlug.Parse(slugText);
        var start = SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(3);
        var window = new Interval(start - Duration.FromDays(1), start + Duration.FromDays(1));
        var snapshot = await store.LoadAsync(slug, new SnapshotScope(window), CancellationToken.None);
        var id = BookingId.New(slug);
        var booking = new Booking(id, "intro", start, start + Duration.FromMinutes(30), Duration.Zero, Duration.Zero, BookingStatus.Confirmed,
            new ClientDetails("Late Larry", "larry@example.com", DateTimeZone.Utc, "", new Dictionary<string, string>()),
            ApiKeyHash.Of("mt_unused"), start - Duration.FromDays(2), start - Duration.FromDays(2), 0, null, start.InUtc().Date);
        Assert.True(await store.TryCommitAsync(BookingChange.Create(snapshot, booking, BookingEvent.For(BookingEvent.Created, booking, start - Duration.FromDays(2)), null), CancellationToken.None));
        return id.Value;
    }
}
