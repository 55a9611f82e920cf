using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Privacy;

/// <summary>
/// A calendar address is a credential: with every log line captured, adding feeds (one good, one failing), refreshing,
/// listing and removing them never puts the secret part of the address in a log line, a response or a stored row.
/// </summary>
public sealed class CalendarAddressPrivacyTests : IAsyncLifetime
{
    private const string OperatorKey = "calendar-privacy-operator-key-0123456789abc";
    private const string Secret = "s3cr3t-calendar-token-9f8e7d";
    private readonly CapturingLoggerProvider _logs = new();
    private SchedlyApp _app = null!;
    private FeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _app = await SchedlyApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Schedly__Security__OperatorKey"] = OperatorKey,
                ["Schedly__Webhooks__AllowPrivateAddresses"] = "true",
                ["Logging__LogLevel__Default"] = "Trace",
            },
            configureServices: (services, configuration) =>
            {
                services.AddSchedly(configuration);
                services.AddSingleton<ILoggerProvider>(_logs);
            });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    [Fact]
    public async Task CalendarLifecycle_NeverLogsReturnsOrStoresTheAddress()
    {
        const string slug = "calprivacy";
        using var created = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        var key = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        var bodies = new List<string>();
        foreach (var (id, path) in new[] { ("good", "/normal.ics"), ("bad", "/error.ics") })
        {
            using var put = await _app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/calendars/{id}", new { name = id, url = _feeds.Url($"{path}?token={Secret}").AbsoluteUri }).WithBearer(key));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            bodies.Add(await put.Content.ReadAsStringAsync());
        }

        var deadline = DateTime.UtcNow.AddSeconds(45);
        string list;
        do
        {
            await Task.Delay(250);
            using var response = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}/calendars").WithBearer(key));
            list = await response.Content.ReadAsStringAsync();
            Assert.True(DateTime.UtcNow < deadline, list);
        }
        while (list.Contains("\"never\"", StringComparison.Ordinal));

        var rows = new List<string>();
        await foreach (var row in new TableClient(_app.Azurite.ConnectionString, "hosts").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}")))
        {
            rows.Add(string.Join("|", row.Select(p => p.Value?.ToString())));
        }

        using var refresh = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/calendars/good/refresh").WithBearer(key));
        bodies.Add(await refresh.Content.ReadAsStringAsync());
        using var delete = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/calendars/bad").WithBearer(key));

        Assert.Contains("\"ok\"", list, StringComparison.Ordinal);
        Assert.Contains("\"failing\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Contains(rows, r => r.Contains("v1.", StringComparison.Ordinal)); // the encrypted address
        Assert.NotEmpty(_logs.Lines);
        foreach (var text in bodies.Append(list).Concat(rows).Concat(_logs.Lines))
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("normal.ics", text, StringComparison.Ordinal);
            Assert.DoesNotContain("error.ics", text, StringComparison.Ordinal);
        }
    }
}
