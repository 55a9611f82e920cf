using System.Net;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.EventTypes;

/// <summary>Booking questions through HTTP: answers checked on the server, stored with the labels as booked.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class QuestionTests(SchedlyAppFixture app)
{
    private static readonly object Consult = new
    {
        title = "Consultation",
        durationMinutes = 30,
        questions = new object[]
        {
            new { id = "company", label = "Company", type = "text", required = true },
            new { id = "topic", label = "Topic", type = "select", required = false, options = new[] { new { id = "tax", label = "Tax" }, new { id = "audit", label = "Audit" } } },
            new { id = "staff", label = "Staff", type = "number" },
            new { id = "terms", label = "I accept", type = "checkbox", required = true },
        },
    };

    private readonly TestHosts _hosts = new(app);

    private static object Body(string start, object answers) =>
        new { start, name = "Grace Hopper", email = "grace@example.com", timeZone = "UTC", answers };

    [Fact]
    public async Task Book_GoodAnswers_StoredWithLabelsAsBooked()
    {
        var (slug, key) = await _hosts.CreateAsync("qok", new Dictionary<string, object> { ["consult"] = Consult });
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "consult", day, day);

        using var booked = await _hosts.BookAsync(slug, "consult", Body(slots[1].Start, new { company = "Navy", topic = "audit", staff = 12, terms = true }));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.ReadJsonAsync();
        Assert.Equal("Audit", booking.GetProperty("answers").GetProperty("topic").GetString());
        Assert.Equal("12", booking.GetProperty("answers").GetProperty("staff").GetString());

        // The host rewords a question: the booking keeps the label it was asked with.
        using var reworded = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/consult",
            new { title = "Consultation", questions = new object[] { new { id = "topic", label = "Subject", type = "select", options = new[] { new { id = "audit", label = "Audit" } } } } }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        using var list = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/bookings").WithBearer(key));
        var answers = (await list.ReadJsonAsync()).GetProperty("bookings")[0].GetProperty("questionAnswers").EnumerateArray().ToList();
        var topic = answers.Single(a => a.GetProperty("questionId").GetString() == "topic");
        Assert.Equal("Topic", topic.GetProperty("label").GetString());
        Assert.Equal("audit", topic.GetProperty("optionIds")[0].GetString());
    }

    [Theory]
    [InlineData("{\"topic\":\"tax\",\"terms\":true}", "answers.company")]
    [InlineData("{\"company\":\"Navy\",\"terms\":true,\"shoe\":\"42\"}", "answers.shoe")]
    [InlineData("{\"company\":\"Navy\",\"terms\":true,\"topic\":\"golf\"}", "answers.topic")]
    [InlineData("{\"company\":\"Navy\",\"terms\":false}", "answers.terms")]
    [InlineData("{\"company\":\"Navy\",\"terms\":true,\"staff\":\"many\"}", "answers.staff")]
    [InlineData("{\"company\":{\"x\":1},\"terms\":true}", "answers.company")]
    public async Task Book_BadAnswers_Is400WithTheFieldAndWritesNothing(string answers, string field)
    {
        var (slug, _) = await _hosts.CreateAsync("qbad", new Dictionary<string, object> { ["consult"] = Consult });
        var day = TestHosts.Today.AddDays(2);
        var slots = await _hosts.SlotsAsync(slug, "consult", day, day);
        var json = $"{{\"start\":\"{slots[1].Start}\",\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"timeZone\":\"UTC\",\"answers\":{answers}}}";

        using var response = await Client.SendAsync(RawJson(HttpMethod.Post, $"/api/hosts/{slug}/event-types/consult/bookings", json));

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await _hosts.RowsAsync(slug, "booking|"));
        Assert.Empty(await _hosts.RowsAsync(slug, "cell|"));
        Assert.Empty(await _hosts.RowsAsync(slug, "outbox|"));
    }

    private HttpClient Client => app.Client;
}
