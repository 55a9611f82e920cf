using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Reminders;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Reminders;

/// <summary>
/// The reminder timer's code (<see cref="DrainReminderIndex"/>, what <c>ReminderTimer</c> calls) driven by a fake
/// clock against the app's real stores and queues on its own Azurite: the fan-out of each booking event writes the
/// reminder hints, the drain queues the due hosts as of the fake time, and the app's own <c>SendReminders</c> and
/// email functions send the reminders.
/// </summary>
public sealed class ReminderTimerTests : IAsyncLifetime
{
    private const string OperatorKey = "reminder-operator-key-0123456789abcdefghij";
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "schedly-reminders-" + Guid.NewGuid().ToString("N"));
    private SchedlyApp _app = null!;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
    {
        ["Schedly__Security__OperatorKey"] = OperatorKey,
        ["Schedly__Email__PickupFolder"] = _mail,
        ["ReminderSchedule"] = "0 0 0 1 1 *", // the real timer stays out of the way; the tests run its code with a fake clock
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reminders_SentOnceEachAtTheirDueTime_ToClientAndHost()
    {
        var (slug, booking) = await BookAsync("week", daysAhead: 3);
        var start = Instant.FromDateTimeOffset(DateTimeOffset.Parse(booking.Start, System.Globalization.CultureInfo.InvariantCulture));

        var early = await RunAtAsync(start - Duration.FromMinutes(1440) - Duration.FromMinutes(1), slug);
        var dayBefore = await RunAtAsync(start - Duration.FromMinutes(1440) + Duration.FromMinutes(1), slug);
        var again = await RunAtAsync(start - Duration.FromMinutes(1440) + Duration.FromMinutes(2), slug);
        var hourBefore = await RunAtAsync(start - Duration.FromMinutes(59), slug);

        Assert.Equal((0, 1, 0, 1), (early.Sent, dayBefore.Sent, again.Sent, hourBefore.Sent));
        Assert.True(await MailsAsync(booking.Id, "r1440", 2), "two 24-hour reminders (client, host)");
        Assert.True(await MailsAsync(booking.Id, "r60", 2), "two 1-hour reminders (client, host)");
        Assert.Empty(await RowsAsync(slug, "remind|"));
        Assert.Equal(2, (await RowsAsync(slug, "reminded|")).Count(r => r.GetString("Outcome") == "Sent"));
    }

    [Fact]
    public async Task TwoRunsAtOnce_SendNoDuplicates()
    {
        var (slug, booking) = await BookAsync("twice", daysAhead: 2);
        var at = Instant.FromDateTimeOffset(DateTimeOffset.Parse(booking.Start, System.Globalization.CultureInfo.InvariantCulture)) - Duration.FromMinutes(30);

        await Task.WhenAll(DrainAtAsync(at), DrainAtAsync(at));
        var runs = await SettledAsync(at, slug, new Outcomes(0, 0));

        Assert.Equal(2, runs.Sent); // the 1440 and the 60 entry, each completed exactly once
        Assert.True(await MailsAsync(booking.Id, "r60", 2));
        await Task.Delay(1500);
        Assert.Equal(2, MailFiles(booking.Id, "r60").Length);
        Assert.Equal(2, MailFiles(booking.Id, "r1440").Length);
    }

    [Fact]
    public async Task AfterSixHoursOfDowntime_StillUsefulRemindersGoOutAndTheRestAreSkipped()
    {
        var (slugA, soon) = await BookAsync("downa", daysAhead: 2);
        var startA = Instant.FromDateTimeOffset(DateTimeOffset.Parse(soon.Start, System.Globalization.CultureInfo.InvariantCulture));

        // The timer was down from 6 h before the meeting until 1 h after it started: both entries are overdue.
        var late = await RunAtAsync(startA + Duration.FromHours(1), slugA);

        Assert.Equal(2, late.Skipped);
        Assert.Equal(2, (await RowsAsync(slugA, "reminded|")).Count(r => r.GetString("Outcome") == "Skipped"));
        Assert.Empty(MailFiles(soon.Id, "r"));

        var (slugB, later) = await BookAsync("downb", daysAhead: 3);
        var startB = Instant.FromDateTimeOffset(DateTimeOffset.Parse(later.Start, System.Globalization.CultureInfo.InvariantCulture));
        var catchUp = await RunAtAsync(startB - Duration.FromMinutes(30), slugB); // both due, meeting not started: both go out
        Assert.Equal(2, catchUp.Sent);
        Assert.True(await MailsAsync(later.Id, "r1440", 2));
    }

    [Fact]
    public async Task CancelRemovesEntries_RescheduleRecomputesThem_PastDueAtBookingIsNeverCreated()
    {
        var (slug, booking) = await BookAsync("changes", daysAhead: 3);
        Assert.Equal(2, (await RowsAsync(slug, "remind|")).Count);

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(4);
        var newStart = await FirstSlotAsync(slug, day);
        using var moved = await _app.Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{booking.Id}/reschedule", new { start = newStart }).WithBearer(booking.Token));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var entries = await RowsAsync(slug, "remind|");
        var expected = new[] { 1440, 60 }.Select(o => Instant.FromDateTimeOffset(DateTimeOffset.Parse(newStart, System.Globalization.CultureInfo.InvariantCulture)) - Duration.FromMinutes(o))
            .Select(d => d.ToUnixTimeTicks().ToString("D19", System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(expected, entries.Select(e => e.RowKey.Split('|')[1]).Order().ToArray());

        using var cancelled = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{booking.Id}/cancel").WithBearer(booking.Token));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Empty(await RowsAsync(slug, "remind|"));

        var soonStart = await FirstSlotAsync(slug, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        using var soon = await _app.Client.SendAsync(Json(HttpMethod.Post, $"/api/hosts/{slug}/event-types/intro/bookings", TestHosts.BookingBody(soonStart)));
        Assert.Equal(HttpStatusCode.Created, soon.StatusCode);
        var soonDue = (await RowsAsync(slug, "remind|")).Select(e => Instant.FromUnixTimeTicks(long.Parse(e.RowKey.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(soonDue, due => Assert.True(due > SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(1), "a reminder already past at booking time must not be created"));
    }

    /// <summary>What the reminders of one run became: counted from the <c>reminded|</c> outcomes it added.</summary>
    private sealed record Outcomes(int Sent, int Skipped);

    /// <summary>Drains the hints as of <paramref name="now"/>, then waits until the app has handled the host's due entries.</summary>
    private async Task<Outcomes> RunAtAsync(Instant now, string slug)
    {
        var before = await OutcomesAsync(slug);
        await DrainAtAsync(now);
        return await SettledAsync(now, slug, before);
    }

    private async Task DrainAtAsync(Instant now)
    {
        var services = _app.Runner.Services;
        await new DrainReminderIndex(services.GetRequiredService<IReminderIndex>(), services.GetRequiredService<IReminderWorkQueue>(), new FakeClock(now))
            .ExecuteAsync(CancellationToken.None);
    }

    /// <summary>Waits until no entry of <paramref name="slug"/> due by <paramref name="now"/> is left; the outcomes added since <paramref name="before"/>.</summary>
    private async Task<Outcomes> SettledAsync(Instant now, string slug, Outcomes before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await RowsAsync(slug, "remind|")).Any(e => Instant.FromUnixTimeTicks(long.Parse(e.RowKey.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)) <= now))
        {
            await Task.Delay(200);
        }

        var after = await OutcomesAsync(slug);
        return new Outcomes(after.Sent - before.Sent, after.Skipped - before.Skipped);
    }

    private async Task<Outcomes> OutcomesAsync(string slug)
    {
        var rows = await RowsAsync(slug, "reminded|");
        return new Outcomes(rows.Count(r => r.GetString("Outcome") == "Sent"), rows.Count(r => r.GetString("Outcome") == "Skipped"));
    }

    /// <summary>Waits until the booking's event was fanned out: its reminder hints are written.</summary>
    private async Task HintsWrittenAsync(string slug, int count)
    {
        var hints = new TableClient(_app.Azurite.ConnectionString, "reminderhints");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var found = 0;
            await foreach (var _ in hints.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {slug}")))
            {
                found++;
            }

            if (found >= count)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the reminder hints of {slug} were not written");
    }

    private async Task<(string Slug, (string Id, string Token, string Start) Booking)> BookAsync(string prefix, int daysAhead)
    {
        var slug = SchedlyAppFixture.UniqueSlug(prefix);
        (await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "Europe/London" }).WithBearer(OperatorKey))).Dispose();
        (await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(OperatorKey))).Dispose();
        (await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro", durationMinutes = 30, reminderOffsetsMinutes = new[] { 1440, 60 } }).WithBearer(OperatorKey))).Dispose();
        var start = await FirstSlotAsync(slug, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead));
        using var created = await _app.Client.SendAsync(Json(HttpMethod.Post, $"/api/hosts/{slug}/event-types/intro/bookings", TestHosts.BookingBody(start)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        await HintsWrittenAsync(slug, 2);
        return (slug, (body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!, start));
    }

    private async Task<string> FirstSlotAsync(string slug, DateOnly from, DateOnly? to = null)
    {
        var json = await _app.Client.GetStringAsync($"/api/hosts/{slug}/event-types/intro/slots?start={from:yyyy-MM-dd}&end={to ?? from:yyyy-MM-dd}&timeZone=UTC");
        return TestHosts.Parse(json).GetProperty("days")[0].GetProperty("slots")[0].GetProperty("start").GetString()!;
    }

    private async Task<List<TableEntity>> RowsAsync(string slug, string prefix)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in new TableClient(_app.Azurite.ConnectionString, "hosts").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private string[] MailFiles(string bookingId, string marker) => Directory.Exists(_mail)
        ? Directory.GetFiles(_mail).Where(f => Path.GetFileName(f).Contains(bookingId, StringComparison.Ordinal) && Path.GetFileName(f).Contains("reminder", StringComparison.Ordinal) && Path.GetFileName(f).Contains(marker, StringComparison.Ordinal)).ToArray()
        : [];

    private async Task<bool> MailsAsync(string bookingId, string marker, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (MailFiles(bookingId, marker).Length == count)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
