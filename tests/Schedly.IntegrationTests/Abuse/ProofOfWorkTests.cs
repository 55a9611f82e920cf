using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.AzureStorage.Abuse;
using Schedly.Core.Abuse;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Abuse;

/// <summary>
/// Proof of work on the booking route through HTTP on a real Azurite: a challenge from the app, solved here as the
/// widget would, books once; the same solution again, a forged one, one past its expiry and none at all are refused
/// with 403 problem+json and write nothing.
/// </summary>
public sealed class ProofOfWorkTests : IAsyncLifetime
{
    private const string OperatorKey = "proof-of-work-operator-key-0123456789abcdef";
    private readonly FakeClock _clock = new(SystemClock.Instance.GetCurrentInstant());
    private SchedlyApp _app = null!;
    private string _slug = "";
    private List<string> _starts = [];

    private HttpClient Client => _app.Client;

    public async Task InitializeAsync()
    {
        _app = await SchedlyApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Schedly__Security__OperatorKey"] = OperatorKey,
                ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-pow-" + Guid.NewGuid().ToString("N")),
                ["Schedly__ProofOfWork__Enabled"] = "true",
                ["Schedly__ProofOfWork__MaxNumber"] = "5000",
                ["Schedly__ProofOfWork__ExpirySeconds"] = "60",
            },
            configureServices: (services, configuration) =>
            {
                services.AddSchedly(configuration);
                services.AddSingleton<IClock>(_clock);
            });
        _slug = SchedlyAppFixture.UniqueSlug("pow");
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{_slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{_slug}/availability", TestHosts.AlwaysOpen).WithBearer(apiKey))).Dispose();
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{_slug}/event-types/intro", new { title = "Intro" }).WithBearer(apiKey))).Dispose();
        var day = DateOnly.FromDateTime(_clock.GetCurrentInstant().ToDateTimeUtc()).AddDays(3);
        using var slots = await Client.GetAsync($"/api/hosts/{_slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        _starts = [.. (await slots.ReadJsonAsync()).GetProperty("days")[0].GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!)];
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HostProfile_TellsThePageToShowTheWidget()
    {
        using var profile = await Client.GetAsync($"/api/hosts/{_slug}");

        Assert.True((await profile.ReadJsonAsync()).GetProperty("proofOfWork").GetBoolean());
    }

    [Fact]
    public async Task SolvedChallenge_BooksOnce_TheSameSolutionAgainIsRefused()
    {
        var payload = await SolveAsync();

        using var booked = await BookAsync(_starts[0], payload, "first@example.com");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var replayed = await BookAsync(_starts[1], payload, "second@example.com");
        await replayed.AssertProblemAsync(403, "proof-of-work-replayed");
        Assert.Equal(1, await BookingCountAsync());
    }

    [Fact]
    public async Task RetryWithTheSameIdempotencyKey_MayResendItsSolution()
    {
        var payload = await SolveAsync();

        using var first = await BookAsync(_starts[2], payload, "retry@example.com", "retry-key-1");
        using var retry = await BookAsync(_starts[2], payload, "retry@example.com", "retry-key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task MissingForgedOrExpired_AreRefusedAndWriteNothing()
    {
        var before = await BookingCountAsync();
        var challenge = await ChallengeAsync();
        var solved = ProofOfWorkSolver.Solve(challenge)!;
        var forged = ProofOfWorkSolver.Encode(new ProofOfWorkSolution(challenge.Algorithm, challenge.Challenge, challenge.MaxNumber + 1, challenge.Salt, challenge.Signature));

        using var missing = await BookAsync(_starts[3], null, "missing@example.com");
        await missing.AssertProblemAsync(403, "proof-of-work-required");
        using var wrong = await BookAsync(_starts[3], forged, "forged@example.com");
        await wrong.AssertProblemAsync(403, "proof-of-work-required");
        using var garbage = await BookAsync(_starts[3], "%%%", "garbage@example.com");
        await garbage.AssertProblemAsync(403, "proof-of-work-required");

        _clock.AdvanceSeconds(61);
        using var expired = await BookAsync(_starts[3], solved, "late@example.com");
        var problem = await expired.AssertProblemAsync(403, "proof-of-work-required");
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await BookingCountAsync());
    }

    [Fact]
    public async Task UsedChallenge_IsOneRowInItsExpiryHour_InTheTableOfItsExpiryDay()
    {
        var challenge = await ChallengeAsync();
        using var booked = await BookAsync(_starts[4], ProofOfWorkSolver.Solve(challenge), "row@example.com");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var expires = long.Parse(challenge.Salt.Split("expires=")[1].TrimEnd('&'), System.Globalization.CultureInfo.InvariantCulture);
        var table = new TableClient(_app.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.ProofOfWorkClaims.NameAt(Instant.FromUnixTimeSeconds(expires)));
        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {challenge.Challenge}")).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(TableProofOfWorkReplayStore.PartitionFor(Instant.FromUnixTimeSeconds(expires)), row.PartitionKey);
    }

    private async Task<ProofOfWorkChallenge> ChallengeAsync()
    {
        using var response = await Client.GetAsync("/api/proof-of-work/challenge");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = await response.ReadJsonAsync();
        return new ProofOfWorkChallenge(
            json.GetProperty("algorithm").GetString()!,
            json.GetProperty("challenge").GetString()!,
            json.GetProperty("maxnumber").GetInt32(),
            json.GetProperty("salt").GetString()!,
            json.GetProperty("signature").GetString()!);
    }

    private async Task<string> SolveAsync() => ProofOfWorkSolver.Solve(await ChallengeAsync())!;

    private Task<HttpResponseMessage> BookAsync(string start, string? altcha, string email, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hosts/{_slug}/event-types/intro/bookings")
        {
            Content = JsonContent.Create(new { start, name = "Grace Hopper", email, timeZone = "UTC", altcha }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    private async Task<int> BookingCountAsync()
    {
        var table = new TableClient(_app.Azurite.ConnectionString, "hosts");
        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_slug}"), select: ["RowKey"]).ToListAsync();
        return rows.Count(r => r.RowKey.StartsWith("booking|", StringComparison.Ordinal));
    }
}
