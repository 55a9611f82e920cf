using System.Net;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.EventTypes;

/// <summary>Several lengths per event type through HTTP: slots, booking, price and claim follow the chosen one; others are 400 and write nothing.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class DurationTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, object> Consult = new()
    {
        ["consult"] = new
        {
            title = "Consultation",
            durationMinutes = 30,
            slotIntervalMinutes = 30,
            price = new { amount = "50.00", currency = "EUR" },
            durationOptions = new object[] { new { minutes = 30 }, new { minutes = 90, price = new { amount = "120.00", currency = "EUR" } } },
        },
    };

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task Book_ChosenLength_SlotsBookingPriceAndClaimFollowIt()
    {
        var (slug, _) = await _hosts.CreateAsync("dur", Consult);
        var day = TestHosts.Today.AddDays(3);
        var shortSlots = await _hosts.SlotsAsync(slug, "consult", day, day);
        using var longResponse = await app.Client.GetAsync($"/api/hosts/{slug}/event-types/consult/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC&durationMinutes=90");
        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        var longSlot = (await longResponse.ReadJsonAsync()).GetProperty("days")[0].GetProperty("slots")[4];
        var start = longSlot.GetProperty("start").GetString()!;
        Assert.Equal(DateTimeOffset.Parse(start).AddMinutes(90), DateTimeOffset.Parse(longSlot.GetProperty("end").GetString()!));

        using var booked = await _hosts.BookAsync(slug, "consult", new { start, name = "Grace Hopper", email = "grace@example.com", timeZone = "UTC", durationMinutes = 90 });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.ReadJsonAsync();
        Assert.Equal(90, booking.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("120.00", booking.GetProperty("price").GetProperty("amount").GetString());
        var after = await _hosts.SlotsAsync(slug, "consult", day, day);
        // Three 30-minute slots are inside the 90-minute booking.
        Assert.Equal(shortSlots.Count - 3, after.Count);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(100000)]
    public async Task Book_LengthNotOffered_Is400AndWritesNothing(int minutes)
    {
        var (slug, _) = await _hosts.CreateAsync("durbad", Consult);
        var day = TestHosts.Today.AddDays(3);
        var slots = await _hosts.SlotsAsync(slug, "consult", day, day);

        using var response = await _hosts.BookAsync(slug, "consult", new { start = slots[2].Start, name = "Grace Hopper", email = "grace@example.com", timeZone = "UTC", durationMinutes = minutes });

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("durationMinutes", out _));
        Assert.Empty(await _hosts.RowsAsync(slug, "booking|"));
        Assert.Empty(await _hosts.RowsAsync(slug, "cell|"));
        Assert.Empty(await _hosts.RowsAsync(slug, "outbox|"));
    }

    [Theory]
    [InlineData("45")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task Slots_LengthNotOffered_Is400(string minutes)
    {
        var (slug, _) = await _hosts.CreateAsync("dursl", Consult);
        var day = TestHosts.Today.AddDays(3);

        using var response = await app.Client.GetAsync($"/api/hosts/{slug}/event-types/consult/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC&durationMinutes={minutes}");

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("durationMinutes", out _));
    }

    [Fact]
    public async Task PublicProfile_ListsEveryLengthWithItsPrice()
    {
        var (slug, _) = await _hosts.CreateAsync("durpub", Consult);

        using var response = await app.Client.GetAsync($"/api/hosts/{slug}");

        var options = (await response.ReadJsonAsync()).GetProperty("eventTypes")[0].GetProperty("durationOptions");
        Assert.Equal([30, 90], options.EnumerateArray().Select(o => o.GetProperty("minutes").GetInt32()));
        Assert.Equal(["50.00", "120.00"], options.EnumerateArray().Select(o => o.GetProperty("price").GetProperty("amount").GetString()));
    }
}
