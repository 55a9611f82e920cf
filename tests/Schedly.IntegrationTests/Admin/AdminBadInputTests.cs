using System.Text;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Admin;

/// <summary>
/// Invalid availability and event-type documents: each gets a 4xx problem+json and nothing is
/// stored (the host's configuration reads back unchanged).
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class AdminBadInputTests(SchedlyAppFixture app)
{
    private static readonly Dictionary<string, (string Path, string Body)> Corpus = new()
    {
        ["availability: malformed json"] = ("availability", "{\"weekly\":"),
        ["availability: array"] = ("availability", "[]"),
        ["availability: weekly is a string"] = ("availability", "{\"weekly\":\"always\"}"),
        ["availability: unknown day"] = ("availability", "{\"weekly\":{\"funday\":[{\"start\":\"09:00\",\"end\":\"10:00\"}]}}"),
        ["availability: end before start"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"17:00\",\"end\":\"09:00\"}]}}"),
        ["availability: empty interval"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"09:00\",\"end\":\"09:00\"}]}}"),
        ["availability: overlapping intervals"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"11:00\",\"end\":\"13:00\"}]}}"),
        ["availability: unsorted intervals"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"13:00\",\"end\":\"17:00\"},{\"start\":\"09:00\",\"end\":\"12:00\"}]}}"),
        ["availability: time 25:00"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"09:00\",\"end\":\"25:00\"}]}}"),
        ["availability: time without colon"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"0900\",\"end\":\"1000\"}]}}"),
        ["availability: time with seconds"] = ("availability", "{\"weekly\":{\"monday\":[{\"start\":\"09:00:00\",\"end\":\"10:00\"}]}}"),
        ["availability: start missing"] = ("availability", "{\"weekly\":{\"monday\":[{\"end\":\"10:00\"}]}}"),
        ["availability: interval is a number"] = ("availability", "{\"weekly\":{\"monday\":[5]}}"),
        ["availability: override bad date"] = ("availability", "{\"overrides\":[{\"date\":\"2026-02-30\",\"intervals\":[]}]}"),
        ["availability: duplicate override dates"] = ("availability", "{\"overrides\":[{\"date\":\"2026-12-24\",\"intervals\":[]},{\"date\":\"2026-12-24\",\"intervals\":[]}]}"),
        ["availability: override overlapping"] = ("availability", "{\"overrides\":[{\"date\":\"2026-12-24\",\"intervals\":[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"10:00\",\"end\":\"11:00\"}]}]}"),
        ["availability: blocked end before start"] = ("availability", "{\"blocked\":[{\"start\":\"2026-12-28T00:00:00Z\",\"end\":\"2026-12-27T00:00:00Z\"}]}"),
        ["availability: blocked without zone"] = ("availability", "{\"blocked\":[{\"start\":\"2026-12-28T00:00:00\",\"end\":\"2027-01-02T00:00:00\"}]}"),
        ["availability: blocked reason control chars"] = ("availability", "{\"blocked\":[{\"start\":\"2026-12-28T00:00:00Z\",\"end\":\"2027-01-02T00:00:00Z\",\"reason\":\"a\\u0000b\"}]}"),
        ["event type: malformed json"] = ("event-types/intro", "{\"title\":"),
        ["event type: title missing"] = ("event-types/intro", "{\"durationMinutes\":30}"),
        ["event type: title too long"] = ("event-types/intro", "{\"title\":\"" + new string('t', 201) + "\"}"),
        ["event type: duration zero"] = ("event-types/intro", "{\"title\":\"A\",\"durationMinutes\":0}"),
        ["event type: duration over 24h"] = ("event-types/intro", "{\"title\":\"A\",\"durationMinutes\":1441}"),
        ["event type: duration is a string"] = ("event-types/intro", "{\"title\":\"A\",\"durationMinutes\":\"30\"}"),
        ["event type: duration fractional"] = ("event-types/intro", "{\"title\":\"A\",\"durationMinutes\":30.5}"),
        ["event type: negative buffer"] = ("event-types/intro", "{\"title\":\"A\",\"bufferBeforeMinutes\":-5}"),
        ["event type: interval zero"] = ("event-types/intro", "{\"title\":\"A\",\"slotIntervalMinutes\":0}"),
        ["event type: negative notice"] = ("event-types/intro", "{\"title\":\"A\",\"minimumNoticeMinutes\":-1}"),
        ["event type: window zero days"] = ("event-types/intro", "{\"title\":\"A\",\"bookingWindowDays\":0}"),
        ["event type: rolling and fixed window"] = ("event-types/intro", "{\"title\":\"A\",\"bookingWindowDays\":10,\"bookingWindowStart\":\"2026-12-01\",\"bookingWindowEnd\":\"2026-12-31\"}"),
        ["event type: fixed window reversed"] = ("event-types/intro", "{\"title\":\"A\",\"bookingWindowStart\":\"2026-12-31\",\"bookingWindowEnd\":\"2026-12-01\"}"),
        ["event type: daily limit zero"] = ("event-types/intro", "{\"title\":\"A\",\"maxBookingsPerDay\":0}"),
        ["event type: price bad currency"] = ("event-types/intro", "{\"title\":\"A\",\"price\":{\"amount\":\"10.00\",\"currency\":\"euro\"}}"),
        ["event type: price negative"] = ("event-types/intro", "{\"title\":\"A\",\"price\":{\"amount\":\"-1.00\",\"currency\":\"EUR\"}}"),
        ["event type: price three decimals"] = ("event-types/intro", "{\"title\":\"A\",\"price\":{\"amount\":\"1.005\",\"currency\":\"EUR\"}}"),
        ["event type: price amount a number"] = ("event-types/intro", "{\"title\":\"A\",\"price\":{\"amount\":10,\"currency\":\"EUR\"}}"),
        ["event type: six reminders"] = ("event-types/intro", "{\"title\":\"A\",\"reminderOffsetsMinutes\":[10,20,30,40,50,60]}"),
        ["event type: negative reminder"] = ("event-types/intro", "{\"title\":\"A\",\"reminderOffsetsMinutes\":[-60]}"),
        ["event type: active is a string"] = ("event-types/intro", "{\"title\":\"A\",\"active\":\"yes\"}"),
        ["event type: invalid slug"] = ("event-types/Intro_Call", "{\"title\":\"A\"}"),
    };

    public static TheoryData<string> Cases => new(Corpus.Keys);

    [Fact]
    public void Corpus_HasAtLeastThirtyDocuments() => Assert.True(Corpus.Count >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvalidDocument_Is4xxProblemAndNothingIsStored(string name)
    {
        var (slug, key) = await new TestHosts(app).CreateAsync("adminbad", new Dictionary<string, object> { ["intro"] = new { title = "Intro" } });
        var before = await ConfigurationAsync(slug, key);
        var (path, body) = Corpus[name];

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/admin/hosts/{slug}/{path}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }.WithBearer(key));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await ConfigurationAsync(slug, key);
        Assert.Equal(before.GetProperty("availability").ToString(), after.GetProperty("availability").ToString());
        Assert.Equal(before.GetProperty("eventTypes").ToString(), after.GetProperty("eventTypes").ToString());
    }

    private async Task<System.Text.Json.JsonElement> ConfigurationAsync(string slug, string key)
    {
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(key));
        return await response.ReadJsonAsync();
    }
}
