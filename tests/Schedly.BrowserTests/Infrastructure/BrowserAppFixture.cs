using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Schedly.Core.Abuse;
using Schedly.Core.Analytics;
using Schedly.Core.Hosts;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// Schedly's functions under the local runner (Kestrel, free loopback port) over a real Azurite, plus
/// one headless Chromium (the system's, at <see cref="ChromiumPath"/>) driven by Playwright. Tests
/// isolate themselves with unique host slugs and a new browser context per visitor.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string OperatorKey = "browser-operator-key-0123456789abcdef012345";
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string HostZone = "Europe/London";

    /// <summary>Upper bound for every wait on the page (navigation, auto-waiting, expectations).</summary>
    public const float WaitMilliseconds = 15_000;

    private SchedlyApp? _app;
    private FakeStripe? _stripe;
    private IPlaywright? _playwright;

    public AzuriteProcess Azurite => _app!.Azurite;

    public HttpClient Client => _app!.Client;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Client.BaseAddress!;

    /// <summary>The email pickup folder: one <c>{bookingId}.{kind}.{recipient}.{sequence}.eml</c> per email sent.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "schedly-browser-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> under the test binaries.</summary>
    public string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        _stripe = await FakeStripe.StartAsync();
        var port = FreePort.Next();
        _app = await SchedlyApp.StartAsync(new Dictionary<string, string?>
        {
            // Links in emails and Stripe's way back name the app's own address, as in Azure.
            ["Schedly__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            // Paid event types pay on the fake Stripe's hosted checkout page, which confirms by a signed webhook.
            ["Schedly__Payments__StripeSecretKey"] = FakeStripe.SecretKey,
            ["Schedly__Payments__StripeWebhookSecret"] = FakeStripe.WebhookSecret,
            ["Schedly__Payments__StripeApiBase"] = _stripe.BaseUrl.AbsoluteUri,
            ["Schedly__Security__OperatorKey"] = OperatorKey,
            ["Schedly__Webhooks__AllowPrivateAddresses"] = "true", // loopback feed servers, as in local runs
            // The booking page as in Azure: the proof-of-work widget solves a challenge per booking (an easy one here).
            ["Schedly__ProofOfWork__Enabled"] = "true",
            ["Schedly__ProofOfWork__MaxNumber"] = "2000",
            ["Schedly__Email__PickupFolder"] = MailFolder,
        }, port: port);
        _stripe.WebhookEndpoint = new Uri(BaseAddress, "/api/payments/stripe/webhook");

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath} (Debian: apt-get install -y chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 30_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }

    /// <summary>
    /// A visitor: a fresh browser context (own cookies, storage) in the given zone and size, whose browser speaks
    /// <paramref name="locale"/> (also its <c>Accept-Language</c>).
    /// </summary>
    public async Task<IBrowserContext> NewVisitorAsync(string timeZone, int width = 1280, int height = 800, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            TimezoneId = timeZone,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(WaitMilliseconds);
        context.SetDefaultNavigationTimeout(WaitMilliseconds);
        return context;
    }

    /// <summary>
    /// A new host in <see cref="HostZone"/> open 09:00–17:00 every day, with one event type
    /// <c>intro</c> (30 minutes, every 30 minutes, no buffers, no notice); returns its slug.
    /// </summary>
    public async Task<string> CreateHostAsync(string prefix) => (await CreateHostWithKeyAsync(prefix)).Slug;

    /// <summary>As <see cref="CreateHostAsync"/>, also returning the host's API key (for the dashboard).</summary>
    /// <param name="prefix">The start of the slug.</param>
    /// <param name="email">The host's email; default <c>ada@example.com</c>.</param>
    public async Task<(string Slug, string ApiKey)> CreateHostWithKeyAsync(string prefix, string? email = null)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        using var created = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}", OperatorKey,
            new { name = "Ada Lovelace", email = email ?? "ada@example.com", timeZone = HostZone });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;

        var day = new[] { new { start = "09:00", end = "17:00" } };
        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.ToDictionary(d => d, _ => day);
        using var hours = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/availability", apiKey, new { weekly });
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);

        using var type = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", apiKey, new
        {
            title = "Intro call",
            description = "A first half hour to see how we can work together.",
            durationMinutes = 30,
            slotIntervalMinutes = 30,
            bufferBeforeMinutes = 0,
            bufferAfterMinutes = 0,
            minimumNoticeMinutes = 0,
            bookingWindowDays = 60,
            price = new { amount = "50.00", currency = "EUR" },
            active = true,
        });
        Assert.Equal(HttpStatusCode.Created, type.StatusCode);
        return (slug, apiKey);
    }

    /// <summary>The free slot starts (ISO UTC) of one local date in the host zone.</summary>
    public async Task<List<string>> SlotStartsAsync(string slug, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = await Client.GetFromJsonAsync<JsonElement>(
            $"/api/hosts/{slug}/event-types/intro/slots?start={day}&end={day}&timeZone={Uri.EscapeDataString(HostZone)}");
        return body.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray())
            .Select(s => s.GetProperty("start").GetString()!)
            .ToList();
    }

    /// <summary>Books a slot through the API (solving a proof-of-work challenge as the widget would); returns the booking's id and manage token.</summary>
    public async Task<(string Id, string Token)> BookAsync(string slug, string start)
    {
        var altcha = await SolveProofOfWorkAsync();
        using var response = await Client.PostAsJsonAsync($"/api/hosts/{slug}/event-types/intro/bookings",
            new { start, name = "Grace Hopper", email = "grace@example.com", timeZone = "America/New_York", notes = "", altcha });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (booking.GetProperty("id").GetString()!, booking.GetProperty("manageToken").GetString()!);
    }

    /// <summary>A fresh proof-of-work challenge solved as the booking page's widget would (the <c>altcha</c> field of a booking).</summary>
    public async Task<string?> SolveProofOfWorkAsync()
    {
        var challenge = await Client.GetFromJsonAsync<JsonElement>("/api/proof-of-work/challenge");
        return ProofOfWorkSolver.Solve(new ProofOfWorkChallenge(
            challenge.GetProperty("algorithm").GetString()!,
            challenge.GetProperty("challenge").GetString()!,
            challenge.GetProperty("maxnumber").GetInt32(),
            challenge.GetProperty("salt").GetString()!,
            challenge.GetProperty("signature").GetString()!));
    }

    /// <summary>Runs the analytics rollup for one host now (the timer runs it every 15 minutes).</summary>
    public Task RollUpAnalyticsAsync(string slug) =>
        _app!.Runner.Services.GetRequiredService<RollUpAnalytics>().RollUpHostAsync(HostSlug.Parse(slug), CancellationToken.None);

    /// <summary>A date a few days ahead in the host zone, so every slot on it is bookable.</summary>
    public static DateOnly DayAhead(int days)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(HostZone));
        return DateOnly.FromDateTime(now.DateTime).AddDays(days);
    }

    /// <summary>Updates the host's profile (operator key): Ada Lovelace in <see cref="HostZone"/> plus <paramref name="extra"/> fields.</summary>
    public async Task PutHostAsync(string slug, IReadOnlyDictionary<string, object> extra)
    {
        var body = new Dictionary<string, object> { ["name"] = "Ada Lovelace", ["email"] = "ada@example.com", ["timeZone"] = HostZone };
        foreach (var (key, value) in extra)
        {
            body[key] = value;
        }

        using var response = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}", OperatorKey, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Waits (bounded) for an email of the pickup folder and returns it parsed.</summary>
    public async Task<MimeKit.MimeMessage> MailAsync(string bookingId, string kind, string recipient, int sequence)
    {
        var path = Path.Combine(MailFolder, $"{bookingId}.{kind}.{recipient}.{sequence}.eml");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No email {Path.GetFileName(path)} within 30 s.");
            await Task.Delay(200);
        }

        await Task.Delay(100);
        return await MimeKit.MimeMessage.LoadAsync(path);
    }

    /// <summary>Replaces the host's <c>intro</c> event type with <paramref name="eventType"/> (asserting 200).</summary>
    public async Task PutIntroAsync(string slug, string apiKey, object eventType)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/admin/hosts/{slug}/event-types/intro", apiKey, eventType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Client.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserAppCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Schedly pages in Chromium";
}
