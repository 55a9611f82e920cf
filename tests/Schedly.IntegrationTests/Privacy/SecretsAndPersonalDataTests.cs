using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Schedly.Functions.Composition;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Privacy;

/// <summary>
/// A full flow with every log line captured (all levels, all categories): no key, token or client
/// detail appears in the logs, and the public routes say nothing of who booked. The app runs on its own composition
/// (<see cref="SchedlyServiceCollectionExtensions.AddSchedly"/>, as the Functions app's Program.cs calls it): the local
/// runner adds no log filter of its own, so what keeps tokens in query strings out of the logs is the app's.
/// </summary>
public sealed class SecretsAndPersonalDataTests : IAsyncLifetime
{
    private const string OperatorKey = "privacy-operator-key-0123456789abcdefghijkl";
    private const string TokenSecret = "privacy-manage-token-secret-0123456789abcdef";
    private readonly CapturingLoggerProvider _logs = new();
    private SchedlyApp _app = null!;

    private HttpClient Client => _app.Client;

    public async Task InitializeAsync() => _app = await SchedlyApp.StartAsync(
        new Dictionary<string, string?>
        {
            ["Schedly__Security__OperatorKey"] = OperatorKey,
            ["Schedly__Security__ManageTokenSecret"] = TokenSecret,
            ["Schedly__Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "schedly-privacy-" + Guid.NewGuid().ToString("N")),
            ["Logging__LogLevel__Default"] = "Trace",
        },
        configureServices: (services, configuration) =>
        {
            services.AddSchedly(configuration);
            services.AddSingleton<ILoggerProvider>(_logs);
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FullFlow_LogsHoldNoSecretsOrClientDetails_AndPublicRoutesNoBookers()
    {
        const string slug = "privacy";
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "host-private@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(apiKey))).Dispose();
        (await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", new { title = "Intro" }).WithBearer(apiKey))).Dispose();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var slotsBefore = await Client.GetStringAsync($"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        var start = TestHosts.Parse(slotsBefore).GetProperty("days")[0].GetProperty("slots")[0].GetProperty("start").GetString()!;
        using var booked = await Client.PostAsJsonAsync($"/api/hosts/{slug}/event-types/intro/bookings",
            new { start, name = "Zelda Secretname", email = "zelda.private@example.com", timeZone = "UTC", notes = "my private note" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.ReadJsonAsync();
        var (id, token) = (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!);
        (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token))).Dispose();
        (await Client.GetAsync($"/api/bookings/{id}/calendar.ics?token={Uri.EscapeDataString(token)}")).Dispose();
        (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer("mt_wrong"))).Dispose();
        (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/keys/rotate").WithBearer(apiKey))).Dispose();
        using var feedIssued = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/feed-token").WithBearer(OperatorKey));
        var feed = (await feedIssued.ReadJsonAsync()).GetProperty("feedToken").GetString()!;
        using var feedRead = await Client.GetAsync($"/api/hosts/{slug}/calendar.ics?feed={Uri.EscapeDataString(feed)}");
        Assert.Equal(HttpStatusCode.OK, feedRead.StatusCode);
        (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{id}/cancel").WithBearer(token))).Dispose();
        var profile = await Client.GetStringAsync($"/api/hosts/{slug}");
        var slotsAfter = await Client.GetStringAsync($"/api/hosts/{slug}/event-types/intro/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        await Task.Delay(3000); // let the queue functions process the booking's events, so their logs are included

        var logText = string.Join("\n", _logs.Lines);
        Assert.NotEmpty(_logs.Lines);
        foreach (var secret in new[] { OperatorKey, TokenSecret, apiKey, token, feed, Uri.EscapeDataString(token), "zelda.private@example.com", "Zelda Secretname", "my private note", "host-private@example.com" })
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
        }

        foreach (var publicBody in new[] { profile, slotsBefore, slotsAfter })
        {
            Assert.DoesNotContain("Zelda", publicBody, StringComparison.Ordinal);
            Assert.DoesNotContain("zelda.private", publicBody, StringComparison.Ordinal);
            Assert.DoesNotContain("host-private", publicBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AppComposition_DropsAspNetCoreRequestLogging_EvenWhenConfiguredToTrace()
    {
        // What the Functions app's Program.cs builds (AddSchedly), with settings asking for every level of everything.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        using var capture = new CapturingLoggerProvider();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(capture));
        services.AddSchedly(configuration);
        using var provider = services.BuildServiceProvider();
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Schedly.Functions.Bookings.PostBooking").IsEnabled(LogLevel.Trace));
    }
}
