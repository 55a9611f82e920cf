using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Hosts;

/// <summary>The first vertical slice, through real HTTP on the local runner and a real Azurite.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostsApiTests(SchedlyAppFixture app)
{
    private static readonly object Ada = new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "Europe/London" };

    private HttpClient Client => app.Client;

    [Fact]
    public async Task PutHost_NewHost_Creates201WithApiKeyOnce()
    {
        var slug = SchedlyAppFixture.UniqueSlug("ada");

        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", Ada).WithBearer(SchedlyAppFixture.OperatorKey));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Equal(slug, body.GetProperty("slug").GetString());
        Assert.Equal("Ada Lovelace", body.GetProperty("name").GetString());
        Assert.Equal("Europe/London", body.GetProperty("timeZone").GetString());
        var apiKey = body.GetProperty("apiKey").GetString();
        Assert.NotNull(apiKey);
        Assert.True(apiKey.Length >= 40, "an API key carries 256 bits");

        using var updated = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada King", email = "ada@example.com", timeZone = "Europe/Paris" })
            .WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var updatedBody = await updated.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, updatedBody.GetProperty("apiKey").ValueKind);
        Assert.Equal("Europe/Paris", updatedBody.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task GetHost_AfterCreate_ReturnsPublicProfileWithoutPersonalData()
    {
        var slug = await CreateHostAsync();

        using var response = await Client.GetAsync($"/api/hosts/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(slug, body.GetProperty("slug").GetString());
        Assert.Equal("Ada Lovelace", body.GetProperty("name").GetString());
        Assert.Equal("Europe/London", body.GetProperty("timeZone").GetString());
        Assert.False(body.TryGetProperty("email", out _));
        Assert.False(body.TryGetProperty("apiKey", out _));
    }

    [Fact]
    public async Task GetHost_Unknown_Is404Problem()
    {
        using var response = await Client.GetAsync($"/api/hosts/{SchedlyAppFixture.UniqueSlug("nobody")}");
        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task GetHost_InvalidSlug_Is404Problem()
    {
        using var response = await Client.GetAsync("/api/hosts/NOT_A_SLUG");
        await response.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task PutHost_NamedTeam_Is400_BecauseTeamPagesLiveThere()
    {
        using var response = await Client.SendAsync(Json(HttpMethod.Put, "/api/admin/hosts/team", new { name = "Team", email = "team@example.com", timeZone = "Europe/London" })
            .WithBearer(SchedlyAppFixture.OperatorKey));

        await response.AssertProblemAsync(400, "validation");
        using var read = await Client.GetAsync("/api/hosts/team");
        await read.AssertProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task PutHost_HostKey_UpdatesItsOwnProfile()
    {
        var (slug, apiKey) = await CreateHostWithKeyAsync();

        using var response = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Countess", email = "ada@example.com", timeZone = "Europe/London" })
            .WithBearer(apiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Countess", (await response.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PutHost_OtherHostsKey_Is403AndChangesNothing()
    {
        var (_, keyOfA) = await CreateHostWithKeyAsync();
        var slugB = await CreateHostAsync();

        using var response = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slugB}", new { name = "Mallory", email = "m@example.com", timeZone = "UTC" })
            .WithBearer(keyOfA));

        await response.AssertProblemAsync(403, "forbidden");
        var profile = await (await Client.GetAsync($"/api/hosts/{slugB}")).ReadJsonAsync();
        Assert.Equal("Ada Lovelace", profile.GetProperty("name").GetString());
    }

    [Fact]
    public async Task RotateKey_NewKeyWorksAndOldKeyIs401()
    {
        var (slug, oldKey) = await CreateHostWithKeyAsync();

        using var rotated = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/keys/rotate").WithBearer(oldKey));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKey = (await rotated.ReadJsonAsync()).GetProperty("apiKey").GetString()!;

        using var withNew = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(newKey));
        using var withOld = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(oldKey));
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        await withOld.AssertProblemAsync(401, "unauthorized");
        Assert.NotEqual(oldKey, newKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData("test-operator-key-0123456789abcdef0123456788")]
    public async Task PutHost_MissingOrWrongKey_Is401AndCreatesNothing(string? key)
    {
        var slug = SchedlyAppFixture.UniqueSlug("nokey");
        var request = Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", Ada);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        using var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(401, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertNothingStoredAsync(slug);
    }

    [Fact]
    public async Task PutHost_BasicAuthScheme_Is401()
    {
        var request = Json(HttpMethod.Put, $"/api/admin/hosts/{SchedlyAppFixture.UniqueSlug("basic")}", Ada);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + SchedlyAppFixture.OperatorKey);
        using var response = await Client.SendAsync(request);
        await response.AssertProblemAsync(401, "unauthorized");
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "{", "malformed-json", "" },
        { "{\"name\":\"Ada\",", "malformed-json", "" },
        { "", "malformed-json", "" },
        { "null", "validation", "" },
        { "42", "validation", "" },
        { "[]", "validation", "" },
        { "\"text\"", "validation", "" },
        { "{\"name\":5,\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}", "validation", "name" },
        { "{\"name\":\"Ada\",\"email\":\"a@example.com\",\"timeZone\":\"Mars/Olympus\"}", "validation", "timeZone" },
        { "{\"name\":\"Ada\",\"email\":\"a@example.com\",\"timeZone\":\"europe/london\"}", "validation", "timeZone" },
        { "{\"name\":\"Ada\",\"email\":\"a@example.com\"}", "validation", "timeZone" },
        { "{\"name\":\"Ada\",\"email\":\"not-an-email\",\"timeZone\":\"UTC\"}", "validation", "email" },
        { "{\"name\":\"Ada\",\"email\":\"Ada <a@example.com>\",\"timeZone\":\"UTC\"}", "validation", "email" },
        { "{\"name\":\"\",\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}", "validation", "name" },
        { "{\"name\":\"   \",\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}", "validation", "name" },
        { "{\"name\":\"A\\u0000da\",\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}", "validation", "name" },
        { "{\"name\":\"" + new string('x', 201) + "\",\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}", "validation", "name" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task PutHost_InvalidBody_Is4xxProblemAndCreatesNothing(string body, string problemType, string field)
    {
        var slug = SchedlyAppFixture.UniqueSlug("bad");

        using var response = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}", body).WithBearer(SchedlyAppFixture.OperatorKey));

        var problem = await response.AssertProblemAsync(400, problemType);
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        }

        await AssertNothingStoredAsync(slug);
    }

    [Theory]
    [InlineData("Ada")]
    [InlineData("-ada")]
    [InlineData("ada_lovelace")]
    [InlineData("ada--lovelace")]
    public async Task PutHost_InvalidSlug_Is400Validation(string slug)
    {
        using var response = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", Ada).WithBearer(SchedlyAppFixture.OperatorKey));

        var problem = await response.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("host", out _));
    }

    [Fact]
    public async Task PutHost_TextPlainBody_Is415()
    {
        using var response = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{SchedlyAppFixture.UniqueSlug("plain")}", "{}", "text/plain")
            .WithBearer(SchedlyAppFixture.OperatorKey));
        await response.AssertProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task PutHost_BodyOver64KB_Is413AndCreatesNothing()
    {
        var slug = SchedlyAppFixture.UniqueSlug("huge");
        var body = "{\"name\":\"" + new string('x', 70 * 1024) + "\",\"email\":\"a@example.com\",\"timeZone\":\"UTC\"}";

        using var response = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}", body).WithBearer(SchedlyAppFixture.OperatorKey));

        await response.AssertProblemAsync(413, "payload-too-large");
        await AssertNothingStoredAsync(slug);
    }

    [Fact]
    public async Task PutHost_UnknownFields_AreIgnored()
    {
        var slug = SchedlyAppFixture.UniqueSlug("extra");
        using var response = await Client.SendAsync(RawJson(HttpMethod.Put, $"/api/admin/hosts/{slug}",
            "{\"name\":\"Ada\",\"email\":\"a@example.com\",\"timeZone\":\"UTC\",\"favouriteColour\":\"blue\"}").WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutHost_ConcurrentCreates_ExactlyOneCreated()
    {
        var slug = SchedlyAppFixture.UniqueSlug("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", Ada).WithBearer(SchedlyAppFixture.OperatorKey))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private async Task<string> CreateHostAsync() => (await CreateHostWithKeyAsync()).Slug;

    private async Task<(string Slug, string ApiKey)> CreateHostWithKeyAsync()
    {
        var slug = SchedlyAppFixture.UniqueSlug("host");
        using var response = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", Ada).WithBearer(SchedlyAppFixture.OperatorKey));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (slug, (await response.ReadJsonAsync()).GetProperty("apiKey").GetString()!);
    }

    private async Task AssertNothingStoredAsync(string slug)
    {
        var table = new TableClient(app.Azurite.ConnectionString, "hosts");
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            rows.Add(entity);
        }

        Assert.Empty(rows);
    }
}
