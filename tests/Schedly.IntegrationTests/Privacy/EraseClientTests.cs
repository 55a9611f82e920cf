using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Privacy;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/erase</c>: one client's name, email, notes and answers are gone from every row of
/// their bookings (booking and <c>bystart</c> copy); the bookings, their times and other clients stay.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class EraseClientTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Intro = new() { ["intro"] = new { title = "Intro", durationMinutes = 30 } };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task Erase_RemovesThatClientsPersonalFieldsEverywhere_KeepsTheBookings()
    {
        var (slug, key) = await _hosts.CreateAsync("erase", Intro);
        var day = TestHosts.Today.AddDays(5);
        var slots = await _hosts.SlotsAsync(slug, "intro", day, day);
        foreach (var (index, name, email) in new[] { (0, "Grace Hopper", "grace@example.com"), (2, "Grace H.", "GRACE@example.com"), (4, "Ada Byron", "ada@example.com") })
        {
            using var booked = await _hosts.BookAsync(slug, "intro", TestHosts.BookingBody(slots[index].Start, name, email));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var erase = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/erase", new { email = "grace@example.com" }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var result = await erase.ReadJsonAsync();
        Assert.Equal(2, result.GetProperty("erased").GetInt32());
        Assert.False(result.GetProperty("more").GetBoolean());

        var rows = (await _hosts.RowsAsync(slug, "booking|")).Concat(await _hosts.RowsAsync(slug, "bystart|")).ToList();
        Assert.Equal(6, rows.Count);
        var text = string.Join("\n", rows.SelectMany(r => r.Select(p => p.Value?.ToString() ?? "")));
        Assert.DoesNotContain("grace", text, StringComparison.OrdinalIgnoreCase);
        var erased = rows.Where(r => r.GetString("ClientEmail") == "erased").ToList();
        Assert.Equal(4, erased.Count);
        Assert.All(erased, r =>
        {
            Assert.Equal("erased", r.GetString("ClientName"));
            Assert.Equal("", r.GetString("Notes"));
            Assert.Equal("{}", r.GetString("AnswersJson")); // the booking body's answer ("Navy") is gone
        });
        Assert.Equal(2, rows.Count(r => r.GetString("ClientEmail") == "ada@example.com"));
        Assert.DoesNotContain("Grace", string.Join("\n", (await _hosts.RowsAsync(slug, "idem|")).SelectMany(r => r.Select(p => p.Value?.ToString() ?? ""))), StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal("confirmed", r.GetString("Status")?.ToLowerInvariant()));

        // The host's list and each booking's calendar file still work on erased bookings.
        using var list = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}").WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = (await list.ReadJsonAsync()).GetProperty("bookings").EnumerateArray().ToList();
        Assert.Equal(3, listed.Count);
        Assert.DoesNotContain("grace", listed.Select(b => b.ToString()), StringComparer.OrdinalIgnoreCase);

        using var again = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/erase", new { email = "grace@example.com" }).WithBearer(key));
        Assert.Equal(0, (await again.ReadJsonAsync()).GetProperty("erased").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"not an email\"}")]
    [InlineData("{\"email\":[]}")]
    public async Task BadInput_Is400AndErasesNothing(string body)
    {
        var (slug, key) = await _hosts.CreateAsync("erase-bad", Intro);

        using var response = await app.Client.SendAsync(RawJson(HttpMethod.Post, $"/api/admin/hosts/{slug}/erase", body).WithBearer(key));

        await response.AssertProblemAsync(400, "validation");
    }
}
