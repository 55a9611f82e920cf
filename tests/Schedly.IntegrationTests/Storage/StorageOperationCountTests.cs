using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Schedly.AzureStorage.Calendars;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Locations;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.Testing;

namespace Schedly.IntegrationTests.Storage;

/// <summary>
/// The storage operations per slot query and per booking, measured on real Azurite by counting the
/// requests the adapters send (the figures docs/PERFORMANCE.md and docs/DEPLOY.md state).
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class StorageOperationCountTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task SlotQueryAndBooking_UseTheDocumentedNumberOfStorageOperations()
    {
        var (tableCounter, queueCounter, hosts, store, calendars, publisher, slug) = await CreateHostAsync("count");
        var clock = SystemClock.Instance;
        var day = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd");

        tableCounter.Reset();
        var slots = await new ListSlots(hosts, store, calendars, clock).ExecuteAsync(slug, "intro", new SlotQueryDraft(day, day, "UTC"), null, CancellationToken.None);
        var slotQueryOperations = tableCounter.Count;

        var start = ((ListSlotsResult.Found)slots).Days.AllStarts().First();
        tableCounter.Reset();
        // Without the client cap; Booking_WithTheClientCap_AddsOneRangeQuery measures it.
        var booking = await new CreateBooking(hosts, store, calendars, publisher, new ManageTokenIssuer(new string('s', 40)), clock, CapOptions.NoClientCap, new LocationOptions())
            .ExecuteAsync(slug, "intro", new BookingRequestDraft(start.ToString(), "Grace", "grace@example.com", "UTC", null, null), null, "hash", CancellationToken.None);

        Assert.IsType<CreateBookingResult.Created>(booking);
        Assert.Equal(3, slotQueryOperations); // point read (host + schedule) + range query (cells) + range query (imported busy time)
        Assert.Equal(4, tableCounter.Count);   // point read + range query (busy time) + range query (cells) + transaction (the fan-out deletes the outbox row later)
        Assert.Equal(2, queueCounter.Count);   // outbox-guard (before the transaction) + booking-events
    }

    [Fact]
    public async Task Booking_WithTheClientCap_AddsOneRangeQuery()
    {
        var (tableCounter, _, hosts, store, calendars, publisher, slug) = await CreateHostAsync("countcap");
        var clock = SystemClock.Instance;
        var start = clock.GetCurrentInstant().InUtc().Date.PlusDays(2).AtMidnight().InUtc().ToInstant();

        tableCounter.Reset();
        var booking = await new CreateBooking(hosts, store, calendars, publisher, new ManageTokenIssuer(new string('s', 40)), clock, new CapOptions { ActiveBookingsPerClient = 3 }, new LocationOptions())
            .ExecuteAsync(slug, "intro", new BookingRequestDraft(start.ToString(), "Grace", "grace@example.com", "UTC", null, null), null, "hash", CancellationToken.None);

        Assert.IsType<CreateBookingResult.Created>(booking);
        Assert.Equal(5, tableCounter.Count); // point read + range query (the host's upcoming bookings) + range query (busy time) + range query (cells) + transaction
    }

    private async Task<(CountingPolicy Tables, CountingPolicy Queues, TableHostRepository Hosts, TableBookingStore Store, TableCalendarFeedStore Calendars, QueueBookingEventPublisher Publisher, HostSlug Slug)> CreateHostAsync(string prefix)
    {
        var tableCounter = new CountingPolicy();
        var queueCounter = new CountingPolicy();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(tableCounter, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(queueCounter, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(app.Azurite.ConnectionString, tableOptions);
        var queues = new QueueServiceClient(app.Azurite.ConnectionString, queueOptions);
        var hosts = new TableHostRepository(tables);
        var store = new TableBookingStore(tables, new OutboxGuardQueue(queues));
        var calendars = new TableCalendarFeedStore(tables);
        var publisher = new QueueBookingEventPublisher(queues, NullLogger<QueueBookingEventPublisher>.Instance);
        var clock = SystemClock.Instance;
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug(prefix));
        await hosts.TryCreateAsync(new Host(slug, new HostProfile("Ada", "ada@example.com", DateTimeZoneProviders.Tzdb["UTC"]), ApiKey.Generate().Hash, clock.GetCurrentInstant(), clock.GetCurrentInstant())
        {
            Schedule = HostSchedule.Empty
                .WithEventType("intro", new EventTypeDraft { Title = "Intro", DurationMinutes = 30 }.Validate().Value)
                with
            { Availability = new AvailabilityDraft(new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?> { ["monday"] = [new("00:00", "24:00")], ["tuesday"] = [new("00:00", "24:00")], ["wednesday"] = [new("00:00", "24:00")], ["thursday"] = [new("00:00", "24:00")], ["friday"] = [new("00:00", "24:00")], ["saturday"] = [new("00:00", "24:00")], ["sunday"] = [new("00:00", "24:00")] }, null, null).Validate().Value },
        }, CancellationToken.None);
        return (tableCounter, queueCounter, hosts, store, calendars, publisher, slug);
    }
}
