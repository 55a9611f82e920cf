using System.Text.Json;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Notifications;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Notifications;

/// <summary>
/// The three queue messages share one <see cref="BookingEventReference"/> but keep their documented flat JSON: each
/// writes exactly what the flat records it replaced wrote (the legacy records below), reads what they wrote (messages
/// already on a queue), and round-trips.
/// </summary>
public sealed class QueueMessageJsonTests
{
    private static readonly JsonSerializerOptions _web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void PublishedBookingEvent_Serialize_WritesTheLegacyJson()
    {
        var e = BookingEvent.For(BookingEvent.Rescheduled, Sample.Booking(1), Sample.Now, Sample.Start - Duration.FromHours(2), Sample.Start - Duration.FromMinutes(90));

        var json = PublishedBookingEvent.Serialize(e);

        Assert.Equal(JsonSerializer.Serialize(Legacy(BookingEventReference.From(e)), _web), json);
    }

    [Fact]
    public void BookingEventReference_Json_RoundTrips()
    {
        var reference = Sample.Event(BookingEvent.Rescheduled, 1);

        var parsed = PublishedBookingEvent.TryParse(JsonSerializer.Serialize(reference, QueueMessageJson.Options));

        Assert.Equal(reference, parsed);
    }

    [Fact]
    public void EmailEffect_ToJson_WritesTheLegacyJson()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.HostRecipient);

        Assert.Equal(JsonSerializer.Serialize(Legacy(effect), _web), effect.ToJson());
    }

    [Fact]
    public void EmailEffect_LegacyJson_ParsesToTheSameEffect()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Rescheduled, 1), EmailEffect.ClientRecipient) with { ReminderOffsetMinutes = 60 };

        var parsed = EmailEffect.TryParse(JsonSerializer.Serialize(Legacy(effect), _web));

        Assert.Equal(effect, parsed);
    }

    [Fact]
    public void EmailEffect_ReminderWithOffset_RoundTrips()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created) with { Type = "booking.reminder" }, EmailEffect.ClientRecipient) with { ReminderOffsetMinutes = 1440 };

        var json = effect.ToJson();
        var parsed = EmailEffect.TryParse(json);

        Assert.Equal(effect, parsed);
        Assert.Contains("\"reminderOffsetMinutes\":1440", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookDelivery_ToJson_WritesTheLegacyJson()
    {
        var delivery = WebhookDelivery.For(Sample.Event(BookingEvent.Rescheduled, 1), "crm") with { Attempt = 3 };

        Assert.Equal(JsonSerializer.Serialize(Legacy(delivery), _web), delivery.ToJson());
    }

    [Fact]
    public void WebhookDelivery_Json_RoundTrips()
    {
        var delivery = WebhookDelivery.For(Sample.Event(BookingEvent.NoShow), "crm") with { Attempt = 2 };

        var parsed = WebhookDelivery.TryParse(delivery.ToJson());

        Assert.Equal(delivery, parsed);
        Assert.Equal(Sample.Start, parsed!.Event.StartInstant);
    }

    [Fact]
    public void WebhookDelivery_LegacyJsonWithPascalCaseNames_Parses()
    {
        var delivery = WebhookDelivery.For(Sample.Event(BookingEvent.Created), "crm");

        var parsed = WebhookDelivery.TryParse(JsonSerializer.Serialize(Legacy(delivery)));

        Assert.Equal(delivery, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"effectId":"e.client","eventId":"e","type":"booking.created","recipient":"client","occurredAt":"2026-01-01T00:00:00Z","host":"ada","bookingId":"b","sequence":"one","start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"effectId":"e.boss","eventId":"e","type":"booking.created","recipient":"boss","occurredAt":"2026-01-01T00:00:00Z","host":"ada","bookingId":"b","sequence":0,"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"effectId":"e.client","eventId":"e","type":"booking.created","recipient":"client","occurredAt":"2026-01-01T00:00:00Z","host":"ada","bookingId":"b","sequence":0,"start":"soon","end":"2026-01-01T00:00:00Z"}""")]
    public void EmailEffect_Malformed_IsNull(string json) => Assert.Null(EmailEffect.TryParse(json));

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"deliveryId":"e.crm","endpointId":"crm","attempt":-1,"eventId":"e","type":"booking.created","occurredAt":"2026-01-01T00:00:00Z","host":"ada","bookingId":"b","sequence":0,"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"deliveryId":"e.crm","endpointId":"","attempt":0,"eventId":"e","type":"booking.created","occurredAt":"2026-01-01T00:00:00Z","host":"ada","bookingId":"b","sequence":0,"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"deliveryId":"e.crm","endpointId":"crm","attempt":0,"eventId":"e","type":"booking.created","occurredAt":"2026-01-01T00:00:00Z","host":7,"bookingId":"b","sequence":0,"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:00Z"}""")]
    public void WebhookDelivery_Malformed_IsNull(string json) => Assert.Null(WebhookDelivery.TryParse(json));

    private static LegacyBookingEvent Legacy(BookingEventReference e) =>
        new(e.EventId, e.Type, e.OccurredAt, e.Host, e.BookingId, e.EventType, e.Sequence, e.Start, e.End, e.PreviousStart, e.PreviousEnd);

    private static LegacyEmailEffect Legacy(EmailEffect effect)
    {
        var e = effect.Event;
        return new LegacyEmailEffect(effect.EffectId, e.EventId, e.Type, effect.Recipient, e.OccurredAt, e.Host, e.BookingId, e.EventType, e.Sequence, e.Start, e.End, e.PreviousStart, e.PreviousEnd)
        {
            ReminderOffsetMinutes = effect.ReminderOffsetMinutes,
        };
    }

    private static LegacyWebhookDelivery Legacy(WebhookDelivery delivery)
    {
        var e = delivery.Event;
        return new LegacyWebhookDelivery(delivery.DeliveryId, delivery.EndpointId, delivery.Attempt, e.EventId, e.Type, e.OccurredAt, e.Host, e.BookingId, e.EventType, e.Sequence, e.Start, e.End, e.PreviousStart, e.PreviousEnd);
    }

    /// <summary>The <c>booking-events</c> JSON as the outbox wrote it before the records were composed.</summary>
    private sealed record LegacyBookingEvent(
        string EventId, string Type, string OccurredAt, string Host, string BookingId, string EventType, int Sequence, string Start, string End, string? PreviousStart, string? PreviousEnd);

    /// <summary>The flat <c>emails</c> message record as it was before it contained a <see cref="BookingEventReference"/>.</summary>
    private sealed record LegacyEmailEffect(
        string EffectId, string EventId, string Type, string Recipient, string OccurredAt, string Host, string BookingId, string EventType, int Sequence, string Start, string End, string? PreviousStart, string? PreviousEnd)
    {
        public int? ReminderOffsetMinutes { get; init; }
    }

    /// <summary>The flat <c>webhooks</c> message record as it was before it contained a <see cref="BookingEventReference"/>.</summary>
    private sealed record LegacyWebhookDelivery(
        string DeliveryId, string EndpointId, int Attempt, string EventId, string Type, string OccurredAt, string Host, string BookingId, string EventType, int Sequence, string Start, string End, string? PreviousStart, string? PreviousEnd);
}
