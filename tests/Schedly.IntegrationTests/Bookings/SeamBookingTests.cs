using System.Globalization;
using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Bookings;

/// <summary>Availability is the union of its intervals: bookings across local midnight and across a seam, through HTTP.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class SeamBookingTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Hour = new()
    {
        ["hour"] = new { title = "One hour", durationMinutes = 60, slotIntervalMinutes = 30 },
    };

    private static readonly object SplitDay = new
    {
        weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(d => d, _ => new object[] { new { start = "09:00", end = "12:00" }, new { start = "12:00", end = "17:00" } }),
    };

    private readonly TestHosts _hosts = new(app);

    private static string At(DateOnly day, int hour, int minute) =>
        day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static (string Start, string End) Find(List<(string Start, string End)> slots, string start) =>
        slots.Single(s => DateTimeOffset.Parse(s.Start, CultureInfo.InvariantCulture) == DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));

    [Fact]
    public async Task Book_AroundTheClockHost_2330To0030AcrossMidnight_Is201WithTwoClaimCells()
    {
        var (slug, _) = await _hosts.CreateAsync("midnight", Hour);
        var day = TestHosts.Today.AddDays(3);
        var slot = Find(await _hosts.SlotsAsync(slug, "hour", day, day), At(day, 23, 30));
        Assert.Equal(DateTimeOffset.Parse(At(day.AddDays(1), 0, 30), CultureInfo.InvariantCulture), DateTimeOffset.Parse(slot.End, CultureInfo.InvariantCulture));

        using var response = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(slot.Start));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.ReadJsonAsync();
        Assert.Equal(slot.End, booking.GetProperty("end").GetString());
        Assert.Equal(2, (await _hosts.RowsAsync(slug, "cell|")).Count);
        var nextDay = await _hosts.SlotsAsync(slug, "hour", day.AddDays(1), day.AddDays(1));
        Assert.DoesNotContain(nextDay, s => DateTimeOffset.Parse(s.Start, CultureInfo.InvariantCulture) == DateTimeOffset.Parse(At(day.AddDays(1), 0, 0), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Book_TouchingIntervals_1130AcrossTheNoonSeam_Is201_AndRescheduleAcrossTheSeamIs200()
    {
        var (slug, _) = await _hosts.CreateAsync("seam", Hour, SplitDay);
        var day = TestHosts.Today.AddDays(3);
        var seam = Find(await _hosts.SlotsAsync(slug, "hour", day, day), At(day, 11, 30));

        using var response = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(seam.Start));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(seam.End, (await response.ReadJsonAsync()).GetProperty("end").GetString());
        Assert.DoesNotContain(seam, await _hosts.SlotsAsync(slug, "hour", day, day));

        var nextDay = day.AddDays(1);
        using var early = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(At(nextDay, 9, 0)));
        Assert.Equal(HttpStatusCode.Created, early.StatusCode);
        var booking = await early.ReadJsonAsync();
        var id = booking.GetProperty("id").GetString()!;
        var token = booking.GetProperty("manageToken").GetString()!;
        using var moved = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = At(nextDay, 11, 30) }).WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(At(nextDay, 12, 30), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((await moved.ReadJsonAsync()).GetProperty("end").GetString()!, CultureInfo.InvariantCulture));

        // 16:30 would run past 17:00, where the day's last interval ends and nothing touches it.
        using var outside = await _hosts.BookAsync(slug, "hour", TestHosts.BookingBody(At(nextDay, 16, 30)));
        await outside.AssertProblemAsync(409, "slot-unavailable");
    }

    private HttpClient Client => _hosts.Client;
}
