using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Housekeeping;
using Schedly.Core.Notifications;
using Schedly.Core.Reminders;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Notifications;

public sealed class FanOutBookingEventTests
{
    private readonly FakeQueue _queue = new();
    private readonly FakeWebhookStore _webhooks = new();
    private readonly Reminders.FakeReminderIndex _reminderIndex = new();

    private readonly FakeAnalyticsQueue _analytics = new();

    private readonly FakeOutbox _outbox = new() { EveryRowExists = true };

    private FanOutBookingEvent CreateSut() => new(_queue, _webhooks, new FakeReader(Sample.Booking() with { ReminderOffsetsMinutes = [1440, 60] }, Sample.Host()), _reminderIndex, _analytics, _outbox);

    [Fact]
    public async Task Execute_DeletesTheEventsOutboxRow_AfterItsEffectsAreQueued_AndASecondCopyDoesNothing()
    {
        var bookingEvent = Sample.Event(BookingEvent.Created);
        _outbox.Rows.Add(new Schedly.Core.Outbox.PendingOutboxEvent(bookingEvent.Host, "another-event", bookingEvent.Type, "{}", Sample.Start, Dispatched: false));

        var first = await CreateSut().ExecuteAsync(bookingEvent, CancellationToken.None);
        var second = await CreateSut().ExecuteAsync(bookingEvent, CancellationToken.None);

        Assert.Equal(["another-event"], _outbox.Rows.Select(r => r.EventId));
        Assert.Contains($"{bookingEvent.Host}/{bookingEvent.EventId}", _outbox.Removed);
        Assert.False(first.Skipped);
        Assert.True(second.Skipped);
        Assert.Equal(2, _queue.Emails.Count);
    }

    private void Register(string id, params string[] events) =>
        _webhooks.Endpoints[id] = new WebhookEndpoint("ada", id, new Uri($"https://example.com/{id}"), events, new string('s', 32), Sample.Now, Sample.Now);

    [Theory]
    [InlineData(BookingEvent.Created)]
    [InlineData(BookingEvent.Rescheduled)]
    [InlineData(BookingEvent.Cancelled)]
    public async Task Execute_BookingChange_EmailsClientAndHostWithDeterministicIds(string type)
    {
        var e = Sample.Event(type);

        var result = await CreateSut().ExecuteAsync(e, CancellationToken.None);

        Assert.Equal(2, result.Emails);
        Assert.Equal([$"{e.EventId}.client", $"{e.EventId}.host"], _queue.Emails.Select(m => m.EffectId).ToArray());
        Assert.All(_queue.Emails, m => Assert.Equal(type, m.Event.Type));
    }

    [Fact]
    public async Task Execute_NoShow_SendsNoEmailButWebhooks()
    {
        Register("crm", BookingEvent.NoShow);

        var result = await CreateSut().ExecuteAsync(Sample.Event(BookingEvent.NoShow), CancellationToken.None);

        Assert.Equal(new FanOutResult(0, 1), result);
        Assert.Empty(_queue.Emails);
    }

    [Fact]
    public async Task Execute_Webhooks_OnePerSubscribedEnabledEndpoint()
    {
        Register("crm", BookingEvent.Created, BookingEvent.Cancelled);
        Register("slack", BookingEvent.Cancelled);
        Register("off", BookingEvent.Created);
        _webhooks.Endpoints["off"] = _webhooks.Endpoints["off"] with { Disabled = true };
        var e = Sample.Event(BookingEvent.Created);

        await CreateSut().ExecuteAsync(e, CancellationToken.None);

        var delivery = Assert.Single(_queue.Webhooks);
        Assert.Equal($"{e.EventId}.crm", delivery.Delivery.DeliveryId);
        Assert.Equal(0, delivery.Delivery.Attempt);
        Assert.Equal(TimeSpan.Zero, delivery.Delay);
    }

    [Fact]
    public void EmailEffect_RoundTripsThroughJson()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Rescheduled, 1), EmailEffect.ClientRecipient);

        var parsed = EmailEffect.TryParse(effect.ToJson());

        Assert.Equal(effect, parsed);
        Assert.Equal(Sample.Start - Duration.FromHours(2), parsed!.Event.PreviousStartInstant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"eventId\":\"e\",\"type\":\"booking.created\",\"host\":\"ada\",\"bookingId\":\"x\",\"occurredAt\":\"yesterday\",\"start\":\"x\",\"end\":\"y\"}")]
    public void PublishedBookingEvent_Malformed_IsNull(string json) => Assert.Null(PublishedBookingEvent.TryParse(json));

    [Theory]
    [InlineData(BookingEvent.Created, 2)]
    [InlineData(BookingEvent.Rescheduled, 2)]
    [InlineData(BookingEvent.Cancelled, 0)]
    [InlineData(BookingEvent.NoShow, 0)]
    public async Task Execute_CreatedOrMoved_HintsEachReminderEntrysDueMinute_AndWhenItsRowsExpire(string type, int hints)
    {
        await CreateSut().ExecuteAsync(Sample.Event(type), CancellationToken.None);

        var reminders = _reminderIndex.Hints.Where(h => h.Kind == HintKind.Reminders).ToList();
        Assert.Equal(hints, reminders.Count);
        Assert.All(reminders, h => Assert.Contains(h.Minute, new[] { Sample.Start - Duration.FromMinutes(1440), Sample.Start - Duration.FromMinutes(60) }));
        var housekeeping = _reminderIndex.Hints.Where(h => h.Kind == HintKind.Housekeeping).Select(h => h.Minute).ToList();
        Instant[] expected = hints > 0
            ? [ReminderHint.For(Sample.Host().Slug, RowLifetimes.HousekeepingDue(Sample.Booking())).Minute, ReminderHint.For(Sample.Host().Slug, RowLifetimes.RetentionDue(Sample.Booking(), Sample.Host().Profile.RetentionDays)).Minute]
            : [];
        Assert.Equal(expected, housekeeping);
    }

    [Fact]
    public async Task Execute_AnyEvent_AsksForTheDaysItTouched()
    {
        var moved = Sample.Event(BookingEvent.Rescheduled);

        await CreateSut().ExecuteAsync(Sample.Event(BookingEvent.NoShow), CancellationToken.None);
        await CreateSut().ExecuteAsync(moved, CancellationToken.None);

        Assert.Equal([new AnalyticsWork("ada", [Sample.Start]), new AnalyticsWork("ada", [moved.StartInstant, moved.PreviousStartInstant!.Value])], _analytics.Work);
    }

    private sealed class FakeAnalyticsQueue : IAnalyticsQueue
    {
        public List<AnalyticsWork> Work { get; } = [];

        public Task EnqueueAsync(AnalyticsWork work, CancellationToken cancellationToken)
        {
            Work.Add(work);
            return Task.CompletedTask;
        }
    }
}
