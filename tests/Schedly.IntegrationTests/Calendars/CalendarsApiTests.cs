using System.Globalization;
using System.Net;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Calendars;

/// <summary>
/// Calendar subscriptions through HTTP on Azurite, with the refresh queue run by the local runner and feeds served on
/// loopback: busy time from a feed crossing a DST change with a recurring series and its exceptions removes exactly
/// its slots and makes a booking or a move over it 409; hostile feeds end in a clear status; bad input writes nothing.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class CalendarsApiTests(SchedlyAppFixture app) : IAsyncLifetime
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly Dictionary<string, object> Hour = new()
    {
        ["hour"] = new { title = "Hour", durationMinutes = 60, slotIntervalMinutes = 30, bookingWindowDays = 400 },
    };

    private readonly TestHosts _hosts = new(app);
    private FeedServer _feeds = null!;

    public async Task InitializeAsync() => _feeds = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    [Fact]
    public async Task Feed_AcrossDstWithRecurringExceptions_RemovesExactlyItsBusyTimeAndBlocksBookings()
    {
        var (slug, key) = await _hosts.CreateAsync("cal", Hour, timeZone: "Europe/Berlin");
        var day = NextTransitionDate();
        var (from, to) = (ToDateOnly(day.PlusDays(-2)), ToDateOnly(day.PlusDays(2)));
        var before = await _hosts.SlotsAsync(slug, "hour", from, to, "Europe/Berlin");
        _feeds.Calendar = DstFeed(slug, day);

        using var put = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/work", new { name = "Work", url = _feeds.Url("/normal.ics").AbsoluteUri }).WithBearer(key));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.DoesNotContain("normal.ics", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var synced = await WaitForAsync(slug, key, "work", c => c.GetProperty("status").GetString() == "ok");

        var busy = new[]
        {
            Local(day.PlusDays(-2), 9, 10), Local(day, 9, 10), Local(day.PlusDays(1), 14, 15), Local(day.PlusDays(2), 9, 10), // series: EXDATE, one moved
            new Interval(Berlin.AtStrictly(day.At(new LocalTime(1, 0))).ToInstant(), Berlin.AtStrictly(day.At(new LocalTime(4, 0))).ToInstant()), // across the change
        };
        Assert.Equal(busy.Length, synced.GetProperty("busyCount").GetInt32());
        Assert.Equal($"http://{_feeds.BaseUrl.Authority}/…", synced.GetProperty("url").GetString());
        var after = await _hosts.SlotsAsync(slug, "hour", from, to, "Europe/Berlin");
        var expectedRemoved = before.Where(s => busy.Any(b => Overlaps(s.Start, b))).ToList();
        Assert.NotEmpty(expectedRemoved);
        Assert.Equal(before.Except(expectedRemoved), after);

        using var overBusy = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(Start(day.PlusDays(-2), 9)));
        await overBusy.AssertProblemAsync(409, "slot-unavailable");
        using var onExdate = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(Start(day.PlusDays(-1), 9)));
        Assert.Equal(HttpStatusCode.Created, onExdate.StatusCode);
        var booking = await onExdate.ReadJsonAsync();
        using var moveOverBusy = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{booking.GetProperty("id").GetString()}/reschedule", new { start = Start(day.PlusDays(1), 14) })
            .WithBearer(booking.GetProperty("manageToken").GetString()));
        await moveOverBusy.AssertProblemAsync(409, "slot-unavailable");

        var notModified = _feeds.NotModified;
        using var refresh = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/calendars/work/refresh").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        await WaitUntilAsync(() => _feeds.NotModified > notModified);
        var rowsAfterRefresh = await _hosts.RowsAsync(slug, "calendar|");

        using var delete = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/calendars/work").WithBearer(key));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(2, rowsAfterRefresh.Count); // the feed row and one busy row
        Assert.Empty(await _hosts.RowsAsync(slug, "calendar|"));
        var freed = await _hosts.SlotsAsync(slug, "hour", from, to, "Europe/Berlin");
        Assert.Equal(before.Where(s => !Overlaps(s.Start, Local(day.PlusDays(-1), 9, 10))), freed); // only the booking's own time is taken
    }

    [Fact]
    public async Task HostileFeeds_EachEndInAFailingStatusWithAClearError()
    {
        var (slug, key) = await _hosts.CreateAsync("calbad", Hour, timeZone: "Europe/Berlin");
        var cases = new Dictionary<string, string>
        {
            ["error"] = "HTTP 500",
            ["slow"] = "did not answer",
            ["huge"] = "larger than",
            ["bomb"] = "larger than",
            ["private"] = "not allowed",
            ["garbage"] = "",
        };
        foreach (var id in cases.Keys)
        {
            using var put = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/{id}", new { name = id, url = _feeds.Url($"/{id}.ics").AbsoluteUri }).WithBearer(key));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        foreach (var (id, expected) in cases)
        {
            var feed = await WaitForAsync(slug, key, id, c => c.GetProperty("status").GetString() != "never");
            Assert.Equal("failing", feed.GetProperty("status").GetString());
            var error = feed.GetProperty("error").GetString()!;
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.DoesNotContain(".ics", error, StringComparison.Ordinal);
            Assert.Equal(0, feed.GetProperty("busyCount").GetInt32());
        }

        var day = TestHosts.Today.AddDays(2);
        Assert.NotEmpty(await _hosts.SlotsAsync(slug, "hour", day, day, "Europe/Berlin"));
    }

    [Theory]
    [InlineData("{\"name\":\"Work\"}", "url")]
    [InlineData("{\"url\":\"https://calendar.example/basic.ics\"}", "name")]
    [InlineData("{\"name\":\"Work\",\"url\":\"ftp://calendar.example/basic.ics\"}", "url")]
    [InlineData("{\"name\":\"Work\",\"url\":\"http://10.0.0.1/basic.ics\"}", "url")]
    [InlineData("{\"name\":\"Work\",\"url\":\"http://169.254.169.254/latest/meta-data\"}", "url")]
    public async Task Put_BadInput_IsValidationProblemAndWritesNothing(string body, string field)
    {
        var (slug, key) = await _hosts.CreateAsync("calin", Hour);

        using var response = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/work", body).WithBearer(key));

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(await _hosts.RowsAsync(slug, "calendar|"));
    }

    [Fact]
    public async Task Put_MoreThanTheLimit_IsValidationProblem()
    {
        var (slug, key) = await _hosts.CreateAsync("callim", Hour);
        for (var i = 0; i < 10; i++)
        {
            using var put = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/c{i}", new { name = "C", url = _feeds.Url("/garbage.ics").AbsoluteUri }).WithBearer(key));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var eleventh = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/c10", new { name = "C", url = _feeds.Url("/garbage.ics").AbsoluteUri }).WithBearer(key));
        using var unknownDelete = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/calendars/nope").WithBearer(key));
        using var unknownRefresh = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/calendars/nope/refresh").WithBearer(key));

        await eleventh.AssertProblemAsync(400, "validation");
        await unknownDelete.AssertProblemAsync(404, "not-found");
        await unknownRefresh.AssertProblemAsync(404, "not-found");
    }

    private HttpClient Client => app.Client;

    private static LocalDate NextTransitionDate()
    {
        var now = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(4);
        var transition = Berlin.GetZoneInterval(now).End;
        return transition.InZone(Berlin).Date;
    }

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static Interval Local(LocalDate date, int fromHour, int toHour) =>
        new(Berlin.AtStrictly(date.At(new LocalTime(fromHour, 0))).ToInstant(), Berlin.AtStrictly(date.At(new LocalTime(toHour, 0))).ToInstant());

    private static string Start(LocalDate date, int hour) => InstantPattern.General.Format(Berlin.AtStrictly(date.At(new LocalTime(hour, 0))).ToInstant());

    private static bool Overlaps(string slotStart, Interval busy)
    {
        var start = InstantPattern.General.Parse(slotStart).Value;
        return start < busy.End && busy.Start < start + Duration.FromHours(1);
    }

    private static string DstFeed(string slug, LocalDate day)
    {
        static string D(LocalDate d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Schedly tests//EN",
            "BEGIN:VEVENT", "UID:series@test", $"DTSTART;TZID=Europe/Berlin:{D(day.PlusDays(-2))}T090000", $"DTEND;TZID=Europe/Berlin:{D(day.PlusDays(-2))}T100000",
            "RRULE:FREQ=DAILY;COUNT=5", $"EXDATE;TZID=Europe/Berlin:{D(day.PlusDays(-1))}T090000", "SUMMARY:Standup", "END:VEVENT",
            "BEGIN:VEVENT", "UID:series@test", $"RECURRENCE-ID;TZID=Europe/Berlin:{D(day.PlusDays(1))}T090000",
            $"DTSTART;TZID=Europe/Berlin:{D(day.PlusDays(1))}T140000", $"DTEND;TZID=Europe/Berlin:{D(day.PlusDays(1))}T150000", "END:VEVENT",
            "BEGIN:VEVENT", "UID:night@test", $"DTSTART;TZID=Europe/Berlin:{D(day)}T010000", $"DTEND;TZID=Europe/Berlin:{D(day)}T040000", "END:VEVENT",
            "BEGIN:VEVENT", "UID:free@test", $"DTSTART;TZID=Europe/Berlin:{D(day.PlusDays(-1))}T120000", $"DTEND;TZID=Europe/Berlin:{D(day.PlusDays(-1))}T130000",
            "TRANSP:TRANSPARENT", "END:VEVENT",
            "BEGIN:VEVENT", $"UID:{slug}--aaaaaaaaaaaaaaaaaaaa@schedly", $"DTSTART;TZID=Europe/Berlin:{D(day.PlusDays(-1))}T150000",
            $"DTEND;TZID=Europe/Berlin:{D(day.PlusDays(-1))}T160000", "END:VEVENT",
            "END:VCALENDAR", "");
    }

    private async Task<JsonElement> WaitForAsync(string slug, string key, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            using var list = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/calendars").WithBearer(key));
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var feed = (await list.ReadJsonAsync()).GetProperty("calendars").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
            if (done(feed))
            {
                return feed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"calendar {id} did not get there: {feed}");
            await Task.Delay(250);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(250);
        }
    }
}
