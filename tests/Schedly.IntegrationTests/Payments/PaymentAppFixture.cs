using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Reminders;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Payments;

/// <summary>
/// The app on its own Azurite with payments pointed at a <see cref="FakeStripe"/> on loopback, and helpers to set up
/// paid and approval event types, book, read bookings and run the due-work drain at a chosen time. The real reminder
/// timer stays out of the way; tests run its code with a fake clock.
/// </summary>
public sealed class PaymentAppFixture : IAsyncLifetime
{
    public const string OperatorKey = "payments-operator-key-0123456789abcdefghij";

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "schedly-payments-" + Guid.NewGuid().ToString("N"));

    private SchedlyApp? _app;
    private FakeStripe? _stripe;

    public FakeStripe Stripe => _stripe ?? throw new InvalidOperationException("Not started.");

    public SchedlyApp App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => App.Client;

    public Uri WebhookUrl => new(Client.BaseAddress!, "/api/payments/stripe/webhook");

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
        {
            ["Schedly__Security__OperatorKey"] = OperatorKey,
            ["Schedly__Email__PickupFolder"] = MailFolder,
            ["Schedly__Payments__StripeSecretKey"] = FakeStripe.SecretKey,
            ["Schedly__Payments__StripeWebhookSecret"] = FakeStripe.WebhookSecret,
            ["Schedly__Payments__StripeApiBase"] = _stripe.BaseUrl.AbsoluteUri,
            ["ReminderSchedule"] = "0 0 0 1 1 *",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }

    /// <summary>A host open all week with one event type <c>session</c> of <paramref name="settings"/>; returns its slug, key and a free slot three days ahead.</summary>
    public async Task<(string Slug, string ApiKey, string Start)> HostAsync(string prefix, object settings)
    {
        var slug = SchedlyAppFixture.UniqueSlug(prefix);
        using var created = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}", new { name = "Ada", email = "ada@example.com", timeZone = "UTC" }).WithBearer(OperatorKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        using var hours = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", TestHosts.AlwaysOpen).WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        using var type = await Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/session", settings).WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        var slots = await SlotsAsync(slug);
        return (slug, apiKey, slots[6]);
    }

    public static object Paid => new { title = "Paid session", durationMinutes = 30, price = new { amount = "50.00", currency = "EUR" }, payment = new { required = true } };

    public static object Vetted => new { title = "Vetted call", durationMinutes = 30, requiresApproval = true };

    public async Task<List<string>> SlotsAsync(string slug)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var json = await Client.GetStringAsync($"/api/hosts/{slug}/event-types/session/slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}&timeZone=UTC");
        return [.. TestHosts.Parse(json).GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("start").GetString()!)];
    }

    public Task<HttpResponseMessage> BookAsync(string slug, string start, string email = "grace@example.com") =>
        Client.SendAsync(Json(HttpMethod.Post, $"/api/hosts/{slug}/event-types/session/bookings", TestHosts.BookingBody(start, email: email)));

    /// <summary>Books and returns the 201 body, its id and manage token.</summary>
    public async Task<(JsonElement Body, string Id, string Token)> BookCreatedAsync(string slug, string start)
    {
        using var response = await BookAsync(slug, start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body, body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!);
    }

    public async Task<JsonElement> ReadBookingAsync(string id, string token)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}").WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public async Task<string> StatusAsync(string id, string token) => (await ReadBookingAsync(id, token)).GetProperty("status").GetString()!;

    /// <summary>Waits until the booking's status is <paramref name="status"/>; true when it got there.</summary>
    public async Task<bool> EventuallyStatusAsync(string id, string token, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await StatusAsync(id, token) == status)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (30 s at most).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Waits for the email of <paramref name="kind"/> (lowercase notice kind) to <paramref name="recipient"/>; its text, or null when none came.</summary>
    public async Task<string?> MailAsync(string bookingId, string kind, string recipient, int sequence = 0)
    {
        var path = Path.Combine(MailFolder, $"{bookingId}.{kind}.{recipient}.{sequence}.eml");
        return await EventuallyAsync(() => Task.FromResult(File.Exists(path))) ? await File.ReadAllTextAsync(path) : null;
    }

    /// <summary>Runs the reminder timer's drain as of <paramref name="now"/>: hosts with due hints get their due-work message.</summary>
    public async Task DrainAtAsync(Instant now)
    {
        var services = App.Runner.Services;
        await new DrainReminderIndex(services.GetRequiredService<IReminderIndex>(), services.GetRequiredService<IReminderWorkQueue>(), new FakeClock(now))
            .ExecuteAsync(CancellationToken.None);
    }

    public static Instant Parse(string instant) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value;
}
