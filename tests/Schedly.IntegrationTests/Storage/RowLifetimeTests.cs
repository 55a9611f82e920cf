using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Housekeeping;
using Schedly.Core.Locations;
using Schedly.Core.Outbox;
using Schedly.Core.Privacy;
using Schedly.Core.Reminders;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Storage;

/// <summary>
/// Every working row a booking leaves has a lifetime, proved on Azurite: the outbox row goes with its guard, the
/// idempotency record, claim cells, daily counter and reminder outcome go at the booking's housekeeping time (and
/// not before), the booking itself stays; the ledger's months and the rate counters' days are dropped whole.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class RowLifetimeTests(SchedlyAppFixture app)
{
    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task EachWorkingRowKind_IsDeletedOnceItsLifetimeHasPassed_AndTheBookingStays()
    {
        var t0 = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds() / 60 * 60);
        var clock = new FakeClock(t0);
        var slug = await CreateHostAsync("life");
        var start = Instant.FromUnixTimeSeconds((t0 + Duration.FromDays(2)).ToUnixTimeSeconds() / 3600 * 3600);
        var key = IdempotencyKey.TryParse(slug.Value, "life-" + Guid.NewGuid().ToString("N"))!;

        var created = Assert.IsType<CreateBookingResult.Created>(await CreateBooking(clock).ExecuteAsync(
            slug, "intro", new BookingRequestDraft(start.ToString(), "Grace", "grace@example.com", "UTC", null, null), key, "hash", CancellationToken.None));
        var booking = created.Booking;
        foreach (var kind in new[] { "booking|", "bystart|", "cell|", "day|", "remind|", "idem|" })
        {
            Assert.NotEmpty(await _hosts.RowsAsync(slug.Value, kind));
        }

        // The outbox row (written in the booking's transaction) goes when the fan-out has handled its event, and the
        // event's guard, when it comes, finds nothing to do.
        var outboxGone = false;
        for (var i = 0; i < 100 && !outboxGone; i++)
        {
            outboxGone = (await _hosts.RowsAsync(slug.Value, "outbox|")).Count == 0 && (await _hosts.RowsAsync(slug.Value, "booking|")).Count == 1;
            await Task.Delay(outboxGone ? 0 : 100);
        }

        Assert.True(outboxGone, "the fan-out did not delete the outbox row");
        Assert.False(await app.Runner.Services.GetRequiredService<CheckOutboxGuard>()
            .ExecuteAsync(new OutboxGuard(slug.Value, created.Booking.Id.Random + "-created-0"), CancellationToken.None));

        // The reminder is handled when due: its entry becomes an outcome.
        var reminders = app.Runner.Services.GetRequiredService<SendDueReminders>();
        var summary = await reminders.ExecuteAsync(new HostReminderWork(slug.Value, start - Duration.FromMinutes(59)), CancellationToken.None);
        Assert.Equal(1, summary.Sent);
        Assert.Empty(await _hosts.RowsAsync(slug.Value, "remind|"));
        Assert.Single(await _hosts.RowsAsync(slug.Value, "reminded|"));

        // Before the lifetimes pass, housekeeping keeps everything.
        clock.Reset(t0 + Duration.FromHours(12));
        Assert.Equal(0, (await Prune(clock).ExecuteAsync(slug, CancellationToken.None)).Total);

        // At the booking's housekeeping time (when the fan-out's hint is due), its working rows go.
        clock.Reset(RowLifetimes.HousekeepingDue(booking));
        var pruned = await Prune(clock).ExecuteAsync(slug, CancellationToken.None);

        Assert.Equal(new PrunedRows(Cells: 1, DayCounters: 1, ReminderOutcomes: 1, IdempotencyRecords: 1), pruned);
        foreach (var kind in new[] { "cell|", "day|", "remind|", "reminded|", "idem|", "outbox|" })
        {
            Assert.Empty(await _hosts.RowsAsync(slug.Value, kind));
        }

        Assert.Single(await _hosts.RowsAsync(slug.Value, "booking|"));
        Assert.Single(await _hosts.RowsAsync(slug.Value, "bystart|"));
    }

    [Fact]
    public async Task HostRetention_ErasesAPastBookingsPersonalFields_WhenItEnds_NotBefore()
    {
        var t0 = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds() / 60 * 60);
        var clock = new FakeClock(t0);
        var slug = await CreateHostAsync("keep", retentionDays: 30);
        var start = Instant.FromUnixTimeSeconds((t0 + Duration.FromDays(1)).ToUnixTimeSeconds() / 3600 * 3600);
        var created = Assert.IsType<CreateBookingResult.Created>(await CreateBooking(clock).ExecuteAsync(
            slug, "intro", new BookingRequestDraft(start.ToString(), "Grace", "grace@example.com", "UTC", "call my mobile", null), null, "hash", CancellationToken.None));
        var due = RowLifetimes.RetentionDue(created.Booking, 30);

        clock.Reset(due - Duration.FromMinutes(1));
        var early = await Prune(clock).ExecuteAsync(slug, CancellationToken.None);
        clock.Reset(due + Duration.FromMinutes(1));
        var onTime = await Prune(clock).ExecuteAsync(slug, CancellationToken.None);

        Assert.Equal(0, early.ErasedBookings);
        Assert.Equal(1, onTime.ErasedBookings);
        var stored = (await app.Runner.Services.GetRequiredService<IBookingStore>().FindAsync(created.Booking.Id, CancellationToken.None))!.Value;
        Assert.True(stored.Client.IsErased);
        Assert.Equal("", stored.Client.Notes);
        Assert.Equal(created.Booking.Start, stored.Start);
        Assert.Equal(BookingStatus.Confirmed, stored.Status);
        var listed = Assert.Single(await _hosts.RowsAsync(slug.Value, "bystart|"));
        Assert.Equal(ClientDetails.ErasedMarker, listed.GetString("ClientEmail"));
    }

    [Fact]
    public async Task IdempotencyKey_AnswersForADay_ThenBooksAnew()
    {
        var t0 = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds() / 60 * 60);
        var clock = new FakeClock(t0);
        var slug = await CreateHostAsync("idem");
        var day = Instant.FromUnixTimeSeconds((t0 + Duration.FromDays(3)).ToUnixTimeSeconds() / 3600 * 3600);
        var key = IdempotencyKey.TryParse(slug.Value, "same-key")!;
        BookingRequestDraft At(Instant start) => new(start.ToString(), "Grace", "grace@example.com", "UTC", null, null);

        var first = Assert.IsType<CreateBookingResult.Created>(await CreateBooking(clock).ExecuteAsync(slug, "intro", At(day), key, "hash-1", CancellationToken.None));
        clock.Reset(t0 + Duration.FromHours(23));
        var retry = Assert.IsType<CreateBookingResult.Created>(await CreateBooking(clock).ExecuteAsync(slug, "intro", At(day), key, "hash-1", CancellationToken.None));
        var misuse = await CreateBooking(clock).ExecuteAsync(slug, "intro", At(day + Duration.FromHours(1)), key, "hash-2", CancellationToken.None);
        clock.Reset(t0 + Duration.FromHours(24));
        var later = Assert.IsType<CreateBookingResult.Created>(await CreateBooking(clock).ExecuteAsync(slug, "intro", At(day + Duration.FromHours(1)), key, "hash-2", CancellationToken.None));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Booking.Id, retry.Booking.Id);
        Assert.IsType<CreateBookingResult.IdempotencyMismatch>(misuse);
        Assert.False(later.Replayed);
        Assert.NotEqual(first.Booking.Id, later.Booking.Id);
        var record = Assert.Single(await _hosts.RowsAsync(slug.Value, "idem|"));
        Assert.Equal(later.Booking.Id.Value, record.GetString("BookingId"));
    }

    [Fact]
    public async Task ExpiredLedgerMonthsAndRateCounterDays_AreDroppedWhole_CurrentOnesKept()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var tables = new TableServiceClient(app.Azurite.ConnectionString);
        var oldLedger = DatedTableSet.EffectLedger.NameAt(DatedTableSet.EffectLedger.Shift(now, -2));
        var oldCounters = DatedTableSet.RateCounters.NameAt(DatedTableSet.RateCounters.Shift(now, -3));
        await tables.CreateTableIfNotExistsAsync(oldLedger);
        await tables.CreateTableIfNotExistsAsync(oldCounters);

        var retired = await new RetireExpiredTables(new DatedTableSet(tables), new FakeClock(now)).ExecuteAsync(CancellationToken.None);

        Assert.Contains(oldLedger, retired);
        Assert.Contains(oldCounters, retired);
        var left = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            left.Add(table.Name);
        }

        Assert.DoesNotContain(oldLedger, left);
        Assert.DoesNotContain(oldCounters, left);
        foreach (var family in DatedTableSet.Families)
        {
            Assert.Contains(family.NameAt(now), left);
            Assert.Contains(family.NameAt(family.Shift(now, 1)), left);
        }
    }

    private PruneExpiredRows Prune(IClock clock) => new(
        app.Runner.Services.GetRequiredService<IExpiredRowStore>(),
        new ErasePersonalData(app.Runner.Services.GetRequiredService<IHostRepository>(), app.Runner.Services.GetRequiredService<IBookingStore>(), clock),
        app.Runner.Services.GetRequiredService<IReminderIndex>(),
        clock);

    private CreateBooking CreateBooking(IClock clock) => new(
        app.Runner.Services.GetRequiredService<IHostRepository>(),
        app.Runner.Services.GetRequiredService<IBookingStore>(),
        app.Runner.Services.GetRequiredService<IImportedBusyTime>(),
        app.Runner.Services.GetRequiredService<IBookingEventPublisher>(),
        new ManageTokenIssuer(new string('s', 40)),
        clock,
        CapOptions.NoClientCap,
        new LocationOptions());

    private async Task<HostSlug> CreateHostAsync(string prefix, int retentionDays = HostProfile.DefaultRetentionDays)
    {
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug(prefix));
        var now = SystemClock.Instance.GetCurrentInstant();
        var allDay = new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?>();
        foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" })
        {
            allDay[day] = [new("00:00", "24:00")];
        }

        await app.Runner.Services.GetRequiredService<IHostRepository>().TryCreateAsync(
            new Host(slug, new HostProfile("Ada", "ada@example.com", DateTimeZoneProviders.Tzdb["UTC"]) { RetentionDays = retentionDays }, ApiKey.Generate().Hash, now, now)
            {
                Schedule = HostSchedule.Empty
                    .WithEventType("intro", new EventTypeDraft { Title = "Intro", DurationMinutes = 30, MaxBookingsPerDay = 5, ReminderOffsetsMinutes = [60] }.Validate().Value)
                    with
                { Availability = new AvailabilityDraft(allDay, null, null).Validate().Value },
            },
            CancellationToken.None);
        return slug;
    }
}
