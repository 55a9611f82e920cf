using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Hosts;

/// <summary>Host bio, image and locale, and the booking's locale, through HTTP.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostProfileFieldsTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task PutHost_BioImageLocale_ShownOnThePublicProfile()
    {
        var (slug, _) = await _hosts.CreateAsync("bio", new Dictionary<string, object> { ["call"] = new { title = "Call", description = "Half an hour." } });

        using var put = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}",
            new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "UTC", bio = "Mathematician.\nAnalyst.", imageUrl = "https://img.example/ada.png", locale = "en-GB" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var read = await app.Client.GetAsync($"/api/hosts/{slug}");
        var profile = await read.ReadJsonAsync();
        Assert.Equal("Mathematician.\nAnalyst.", profile.GetProperty("bio").GetString());
        Assert.Equal("https://img.example/ada.png", profile.GetProperty("imageUrl").GetString());
        Assert.Equal("en-GB", profile.GetProperty("locale").GetString());
        Assert.Equal("Half an hour.", profile.GetProperty("eventTypes")[0].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("imageUrl", "http://img.example/ada.png")]
    [InlineData("imageUrl", "javascript:alert(1)")]
    [InlineData("locale", "english please")]
    public async Task PutHost_BadField_Is400AndKeepsTheProfile(string field, string value)
    {
        var (slug, _) = await _hosts.CreateAsync("badbio", new Dictionary<string, object>());
        var body = new Dictionary<string, object> { ["name"] = "Changed", ["email"] = "ada@example.com", ["timeZone"] = "UTC", [field] = value };

        using var put = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", body).WithBearer(SchedlyAppFixture.OperatorKey));

        var problem = await put.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        using var read = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal("Ada Lovelace", (await read.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(29, HttpStatusCode.BadRequest)]
    [InlineData(3651, HttpStatusCode.BadRequest)]
    [InlineData(90, HttpStatusCode.OK)]
    public async Task PutHost_RetentionDays_FromThirtyDaysToTenYears_ShownOnTheDashboard(int days, HttpStatusCode expected)
    {
        var (slug, key) = await _hosts.CreateAsync("keep", new Dictionary<string, object>());

        using var put = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}",
            new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "UTC", retentionDays = days }).WithBearer(SchedlyAppFixture.OperatorKey));

        Assert.Equal(expected, put.StatusCode);
        using var read = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(key));
        var retention = (await read.ReadJsonAsync()).GetProperty("retentionDays").GetInt32();
        Assert.Equal(expected == HttpStatusCode.OK ? days : 730, retention);
        if (expected != HttpStatusCode.OK)
        {
            Assert.True((await put.AssertProblemAsync(400, "validation")).GetProperty("errors").TryGetProperty("retentionDays", out _));
        }
    }

    [Fact]
    public async Task Book_WithLocale_BookingCarriesIt_AndABadOneIs400()
    {
        var (slug, _) = await _hosts.CreateAsync("locale", new Dictionary<string, object> { ["call"] = new { title = "Call" } });
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "call", day, day);

        using var bad = await _hosts.BookAsync(slug, "call", new { start = slots[0].Start, name = "Grace", email = "grace@example.com", timeZone = "UTC", locale = "<fr>" });
        await bad.AssertProblemAsync(400, "validation");
        using var booked = await _hosts.BookAsync(slug, "call", new { start = slots[0].Start, name = "Grace", email = "grace@example.com", timeZone = "UTC", locale = "fr-CA" });

        Assert.Equal("fr-CA", (await booked.ReadJsonAsync()).GetProperty("locale").GetString());
    }
}
