using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Ical.Net;
using MimeKit;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Notifications;

/// <summary>Books through the API and reads what the notification pipeline produced: .eml files, effects, webhook rows.</summary>
public sealed class NotificationHarness(SchedlyAppFixture app)
{
    public const string Secret = "whsec_test_0123456789abcdef0123456789abcdef";

    /// <summary>Queue retries wait for the 10 s visibility timeout; webhook retries here wait 1, 2, 4 s (fixture settings).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static readonly Dictionary<string, object> Intro = new()
    {
        ["intro"] = new { title = "Intro call", durationMinutes = 30, slotIntervalMinutes = 30 },
    };

    public TestHosts Hosts { get; } = new(app);

    public string MailFolder => app.Runner.Configuration["Schedly:Email:PickupFolder"]!;

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }
    }

    public static Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        EventuallyAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Files in the pickup folder for this booking.</summary>
    public string[] MailFor(string bookingId) =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, bookingId + ".*.eml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public string MailPath(string bookingId, string kind, string recipient, int sequence) =>
        Path.Combine(MailFolder, $"{bookingId}.{kind}.{recipient}.{sequence}.eml");

    public async Task<bool> MailArrivesAsync(string bookingId, string kind, string recipient, int sequence) =>
        await EventuallyAsync(() => File.Exists(MailPath(bookingId, kind, recipient, sequence)));

    public static async Task<(MimeMessage Message, Calendar Invite)> ReadMailAsync(string path)
    {
        var message = await MimeMessage.LoadAsync(path);
        var calendarPart = message.BodyParts.OfType<TextPart>().First(p => p.ContentType.IsMimeType("text", "calendar"));
        return (message, Calendar.Load(calendarPart.Text)!);
    }

    public async Task<(string Slug, string ApiKey, string Start, string Start2)> HostWithSlotsAsync(string prefix)
    {
        var (slug, key) = await Hosts.CreateAsync(prefix, Intro);
        var day = TestHosts.Today.AddDays(3);
        var slots = await Hosts.SlotsAsync(slug, "intro", day, day);
        return (slug, key, slots[6].Start, slots[12].Start);
    }

    public async Task<(string Id, string Token)> BookAsync(string slug, string start)
    {
        using var response = await Hosts.BookAsync(slug, "intro", TestHosts.BookingBody(start));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("manageToken").GetString()!);
    }

    public async Task RegisterWebhookAsync(string slug, string apiKey, string id, Uri url, params string[] events)
    {
        using var response = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}/webhooks/{id}", new { url = url.ToString(), events, secret = Secret }).WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<bool> EffectRecordedAsync(string slug, string key)
    {
        var table = new TableClient(app.Azurite.ConnectionString, Schedly.AzureStorage.Tables.DatedTableSet.EffectLedger.NameAt(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        return (await table.GetEntityIfExistsAsync<TableEntity>(slug, key)).HasValue;
    }

    public static JsonElement ParseJson(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
