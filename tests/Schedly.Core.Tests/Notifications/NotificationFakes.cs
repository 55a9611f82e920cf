using System.Runtime.CompilerServices;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;
using Schedly.Core.Outbox;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Notifications;

/// <summary>Hand-written fakes of the notification ports, and a booking and host to notify about.</summary>
internal static class Sample
{
    public static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 14, 0);
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 10, 0);
    public static readonly HostSlug HostSlug = HostSlug.Parse("ada");
    public static readonly BookingId BookingId = BookingId.New(HostSlug);

    public static Booking Booking(int sequence = 0, BookingStatus status = BookingStatus.Confirmed) => new(
        BookingId,
        "intro",
        Start,
        Start + Duration.FromMinutes(30),
        Duration.Zero,
        Duration.Zero,
        status,
        new ClientDetails("Grace Hopper", "grace@example.com", DateTimeZoneProviders.Tzdb["America/New_York"], "", new Dictionary<string, string>()),
        ApiKeyHash.Of("mt_secret"),
        Now,
        Now,
        sequence,
        null,
        new LocalDate(2026, 12, 1));

    public static Host Host() => new(HostSlug, new HostProfile("Ada Lovelace", "ada@example.com", DateTimeZoneProviders.Tzdb["Europe/London"]), ApiKeyHash.Of("sk_x"), Now, Now)
    {
        Schedule = HostSchedule.Empty.WithEventType("intro", new EventTypeDraft { Title = "Intro call" }.Validate().Value),
    };

    public static BookingEventReference Event(string type, int sequence = 0, Booking? booking = null)
    {
        booking ??= Booking(sequence);
        var e = BookingEvent.For(type, booking, Now, type == BookingEvent.Rescheduled ? Start - Duration.FromHours(2) : null, type == BookingEvent.Rescheduled ? Start - Duration.FromMinutes(90) : null);
        return BookingEventReference.From(e);
    }
}

internal sealed class FakeLedger : IEffectLedger
{
    public HashSet<(string Host, string Key)> Records { get; } = [];

    public Task<bool> HasAsync(string host, string key, CancellationToken cancellationToken) => Task.FromResult(Records.Contains((host, key)));

    public Task RecordAsync(string host, string key, Instant at, CancellationToken cancellationToken)
    {
        Records.Add((host, key));
        return Task.CompletedTask;
    }
}

internal sealed class FakeQueue : INotificationQueue
{
    public List<EmailEffect> Emails { get; } = [];

    public List<(WebhookDelivery Delivery, TimeSpan Delay)> Webhooks { get; } = [];

    public Task SendEmailAsync(EmailEffect effect, CancellationToken cancellationToken)
    {
        Emails.Add(effect);
        return Task.CompletedTask;
    }

    public Task SendWebhookAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        Webhooks.Add((delivery, delay));
        return Task.CompletedTask;
    }
}

internal sealed class FakeEmailSender : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public bool Fail { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        if (Fail)
        {
            throw new IOException("transport down");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}

internal sealed class FakeWebhookStore : IWebhookStore
{
    public Dictionary<string, WebhookEndpoint> Endpoints { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>(Endpoints.Values.Where(e => e.Host == host).ToList());

    public Task<WebhookEndpoint?> FindAsync(string host, string id, CancellationToken cancellationToken) =>
        Task.FromResult(Endpoints.TryGetValue(id, out var e) && e.Host == host ? e : null);

    public Task<bool> UpsertAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var created = Endpoints.TryAdd(endpoint.Id, endpoint);
        Endpoints[endpoint.Id] = endpoint;
        return Task.FromResult(created);
    }

    public Task<bool> DeleteAsync(string host, string id, CancellationToken cancellationToken) => Task.FromResult(Endpoints.Remove(id));

    public Task RecordAttemptAsync(string host, string id, WebhookAttempt attempt, Instant? failingSince, bool disable, CancellationToken cancellationToken)
    {
        if (Endpoints.TryGetValue(id, out var e))
        {
            Endpoints[id] = e with
            {
                LastStatus = attempt.Status,
                LastError = attempt.Error,
                LastAttemptAt = attempt.At,
                FailingSince = failingSince,
                Disabled = e.Disabled || disable,
            };
        }

        return Task.CompletedTask;
    }
}

/// <summary>Answers with the queued statuses in order (null: a timeout), recording every request.</summary>
internal sealed class FakeTransport(IClock clock, params int?[] statuses) : IWebhookTransport
{
    private readonly Queue<int?> _statuses = new(statuses);

    public List<(Uri Url, string Body, IReadOnlyDictionary<string, string> Headers)> Requests { get; } = [];

    public Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        Requests.Add((url, body, headers));
        var status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
        return Task.FromResult(new WebhookAttempt(clock.GetCurrentInstant(), status, status is >= 200 and < 300 ? null : status is null ? "timeout" : $"HTTP {status}"));
    }
}

internal sealed class FakeReader(Booking booking, params Host[] hosts) : INotificationReader
{
    public Task<Booking?> FindBookingAsync(BookingId id, CancellationToken cancellationToken) =>
        Task.FromResult(booking.Id == id ? booking : null);

    public Task<Host?> FindHostAsync(HostSlug slug, CancellationToken cancellationToken) =>
        Task.FromResult(hosts.FirstOrDefault(h => h.Slug == slug));

    /// <summary>The one team there is, if any.</summary>
    public Core.Teams.Team? Team { get; init; }

    public Task<Core.Teams.Team?> FindTeamAsync(Core.Teams.TeamSlug slug, CancellationToken cancellationToken) =>
        Task.FromResult(Team?.Slug == slug ? Team : null);
}

internal sealed class FakeOutbox : IOutboxStore, IOutboxQueue
{
    public List<PendingOutboxEvent> Rows { get; } = [];

    public List<string> Enqueued { get; } = [];

    /// <summary>True: every event has its row until it is removed (as for events the fan-out tests make up).</summary>
    public bool EveryRowExists { get; init; }

    public HashSet<string> Removed { get; } = [];

    public Task<PendingOutboxEvent?> FindAsync(string host, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Host == host && r.EventId == eventId)
            ?? (EveryRowExists && !Removed.Contains(host + "/" + eventId) ? new PendingOutboxEvent(host, eventId, "", "{}", Sample.Now) : null));

    public Task RemoveAsync(string host, string eventId, CancellationToken cancellationToken)
    {
        Rows.RemoveAll(r => r.Host == host && r.EventId == eventId);
        Removed.Add(host + "/" + eventId);
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(PendingOutboxEvent pending, CancellationToken cancellationToken)
    {
        Enqueued.Add(pending.Message);
        return Task.CompletedTask;
    }
}
