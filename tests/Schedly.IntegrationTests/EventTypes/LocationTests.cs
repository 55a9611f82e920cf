using System.Net;
using Ical.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.EventTypes;

/// <summary>Event-type locations through HTTP: set, resolved per booking, kept on reads, in the .ics; bad ones change nothing.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class LocationTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    private static Dictionary<string, object> Types(object location) => new()
    {
        ["call"] = new { title = "Call", durationMinutes = 30, location },
    };

    [Fact]
    public async Task Book_GeneratedVideo_EachBookingGetsItsOwnRoomOnEveryRead()
    {
        var (slug, key) = await _hosts.CreateAsync("room", Types(new { kind = "generatedVideo" }));
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "call", day, day);

        using var first = await _hosts.BookAsync(slug, "call", TestHosts.BookingBody(slots[2].Start));
        using var second = await _hosts.BookAsync(slug, "call", TestHosts.BookingBody(slots[6].Start, email: "other@example.com"));

        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        var roomA = a.GetProperty("location").GetProperty("url").GetString()!;
        var roomB = b.GetProperty("location").GetProperty("url").GetString()!;
        Assert.Matches("^https://meet\\.jit\\.si/[0-9a-f]{32}$", roomA);
        Assert.NotEqual(roomA, roomB);
        Assert.Equal("generatedVideo", a.GetProperty("location").GetProperty("kind").GetString());

        var id = a.GetProperty("id").GetString()!;
        var token = a.GetProperty("manageToken").GetString()!;
        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token));
        Assert.Equal(roomA, (await read.ReadJsonAsync()).GetProperty("location").GetProperty("url").GetString());
        using var moved = await Client.SendAsync(Json(HttpMethod.Post, $"/api/bookings/{id}/reschedule", new { start = slots[10].Start }).WithBearer(token));
        Assert.Equal(roomA, (await moved.ReadJsonAsync()).GetProperty("location").GetProperty("url").GetString());
        using var list = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings").WithBearer(key));
        var listed = (await list.ReadJsonAsync()).GetProperty("bookings").EnumerateArray().Select(x => x.GetProperty("location").GetProperty("url").GetString()).ToList();
        Assert.Contains(roomA, listed);

        using var ics = await Client.GetAsync($"/api/bookings/{id}/calendar.ics?token={Uri.EscapeDataString(token)}");
        var calendarEvent = Assert.Single(Calendar.Load(await ics.Content.ReadAsStringAsync())!.Events);
        Assert.Equal(roomA, calendarEvent.Location);
        Assert.Equal(new Uri(roomA), calendarEvent.Url);
    }

    [Fact]
    public async Task PutEventType_Phone_IsStoredInE164AndShownInternationally()
    {
        var (slug, key) = await _hosts.CreateAsync("phone", Types(new { kind = "phone", phone = "+44 20 7946 0958" }));

        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(key));
        var body = await read.ReadJsonAsync();
        Assert.Equal("+442079460958", body.GetProperty("eventTypes").GetProperty("call").GetProperty("location").GetProperty("phone").GetString());
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "call", day, day);
        using var booked = await _hosts.BookAsync(slug, "call", TestHosts.BookingBody(slots[0].Start));
        var location = (await booked.ReadJsonAsync()).GetProperty("location");
        Assert.Equal("+44 20 7946 0958", location.GetProperty("display").GetString());
        Assert.Equal(JsonValueKindNull, location.GetProperty("url").ValueKind);
    }

    [Theory]
    [InlineData("{\"title\":\"Call\",\"location\":{\"kind\":\"phone\",\"phone\":\"12345\"}}", "location.phone")]
    [InlineData("{\"title\":\"Call\",\"location\":{\"kind\":\"video\",\"url\":\"javascript:alert(1)\"}}", "location.url")]
    [InlineData("{\"title\":\"Call\",\"location\":{\"kind\":\"teleport\"}}", "location.kind")]
    [InlineData("{\"title\":\"Call\",\"location\":{\"kind\":\"inPerson\"}}", "location.address")]
    public async Task PutEventType_BadLocation_Is400AndKeepsTheStoredType(string json, string field)
    {
        var (slug, key) = await _hosts.CreateAsync("badloc", Types(new { kind = "custom", text = "Room 4" }));

        using var put = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/call", json).WithBearer(key));

        var problem = await put.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        using var read = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(key));
        var location = (await read.ReadJsonAsync()).GetProperty("eventTypes").GetProperty("call").GetProperty("location");
        Assert.Equal("custom", location.GetProperty("kind").GetString());
        Assert.Equal("Room 4", location.GetProperty("text").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private HttpClient Client => app.Client;
}
