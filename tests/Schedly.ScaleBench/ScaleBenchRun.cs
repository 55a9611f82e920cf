using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Housekeeping;
using Schedly.Core.Locations;
using Schedly.Core.Notifications;
using Schedly.Core.Outbox;
using Schedly.Core.Privacy;
using Schedly.Core.Reminders;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Functions.Composition;
using Schedly.Testing;

namespace Schedly.ScaleBench;

/// <summary>
/// One run for one number of hosts: a private Azurite, the app's own composition with storage clients that count
/// every request, <c>hosts</c> hosts each with a schedule and a future booking, and for the first <c>active</c>
/// hosts the same due work in every run: one new booking each (a pending event whose reminder is due), their fan-out,
/// reminders, analytics, emails and housekeeping. Each path runs once, as its trigger would, and is measured alone.
/// </summary>
public static class ScaleBenchRun
{
    public const int MaxHosts = 20_000;

    private const string Secret = "scale-bench-secret-0123456789abcdef0123456789";

    public static async Task<IReadOnlyList<PathFigure>> RunAsync(int hostCount, int activeCount, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ct = CancellationToken.None;
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var mail = Directory.CreateTempSubdirectory("schedly-scalebench-mail-");
        try
        {
            var counter = new CountingPolicy();
            await using var provider = Compose(azurite.ConnectionString, mail.FullName, counter);
            await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(ct);

            var now = SystemClock.Instance.GetCurrentInstant();
            var seeding = Stopwatch.StartNew();
            var slugs = Enumerable.Range(0, hostCount).Select(i => HostSlug.Parse($"host-{i:D5}")).ToList();
            await SeedAsync(provider, slugs, now);
            var active = slugs.Take(activeCount).ToList();
            await MakeDueWorkAsync(provider, active, now);
            await output.WriteLineAsync($"seeded hosts={hostCount} active={activeCount} in {seeding.ElapsedMilliseconds} ms");

            var queues = provider.GetRequiredService<QueueServiceClient>();
            var figures = new List<PathFigure>();
            async Task MeasureAsync(string path, Func<Task> run)
            {
                counter.Reset();
                var watch = Stopwatch.StartNew();
                await run();
                var figure = new PathFigure(path, hostCount, counter.Count, watch.ElapsedMilliseconds);
                figures.Add(figure);
                await output.WriteLineAsync(figure.ToString());
            }

            // The guards of the new bookings' events, a minute later: the fan-out has handled them, so each is a point read.
            var guards = new List<OutboxGuard>();
            foreach (var message in (await queues.GetQueueClient(SchedlyQueues.BookingEvents).PeekMessagesAsync(32, ct)).Value)
            {
                var published = PublishedBookingEvent.TryParse(message.Body.ToString())!;
                guards.Add(new OutboxGuard(published.Host, published.EventId));
            }

            var fanOut = provider.GetRequiredService<FanOutBookingEvent>();
            await MeasureAsync("booking-events", () => DrainAsync(queues, SchedlyQueues.BookingEvents, m => fanOut.ExecuteAsync(PublishedBookingEvent.TryParse(m)!, ct)));

            var check = provider.GetRequiredService<CheckOutboxGuard>();
            await MeasureAsync("outbox-guard", async () =>
            {
                foreach (var guard in guards)
                {
                    await check.ExecuteAsync(guard, ct);
                }
            });

            var drain = provider.GetRequiredService<DrainReminderIndex>();
            await MeasureAsync("reminder-timer", () => drain.ExecuteAsync(ct));

            var send = provider.GetRequiredService<SendDueReminders>();
            await MeasureAsync("reminders", () => DrainAsync(queues, SchedlyQueues.Reminders, m => send.ExecuteAsync(HostReminderWork.TryParse(m)!, ct)));

            var rollUp = provider.GetRequiredService<RollUpAnalytics>();
            await MeasureAsync("analytics", () => DrainAsync(queues, SchedlyQueues.Analytics, m => rollUp.RecomputeAsync(AnalyticsWork.TryParse(m)!, ct)));

            var email = provider.GetRequiredService<SendBookingEmail>();
            await MeasureAsync("emails", () => DrainAsync(queues, SchedlyQueues.Emails, m => email.ExecuteAsync(EmailEffect.TryParse(m)!, ct)));

            // Each active host's housekeeping hint falls due (in production ten days after its booking ends).
            await MeasureAsync("housekeeping", async () =>
            {
                var later = new FakeClock(now + Duration.FromDays(30));
                foreach (var host in active)
                {
                    await new PruneExpiredRows(
                        provider.GetRequiredService<IExpiredRowStore>(),
                        new ErasePersonalData(provider.GetRequiredService<IHostRepository>(), provider.GetRequiredService<IBookingStore>(), later),
                        provider.GetRequiredService<IReminderIndex>(),
                        later).ExecuteAsync(host, ct);
                }
            });

            var retire = provider.GetRequiredService<RetireExpiredTables>();
            await MeasureAsync("retire-tables", () => retire.ExecuteAsync(ct));
            return figures;
        }
        finally
        {
            mail.Delete(recursive: true);
        }
    }

    /// <summary>The app's own service registration, with table and queue clients that count their requests.</summary>
    private static ServiceProvider Compose(string connectionString, string mailFolder, CountingPolicy counter)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Schedly:Security:OperatorKey"] = Secret,
            ["Schedly:Security:ManageTokenSecret"] = Secret,
            ["Schedly:Email:Provider"] = "PickupFolder",
            ["Schedly:Email:PickupFolder"] = mailFolder,
        }).Build();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSchedly(configuration);
        services.AddSingleton(new TableServiceClient(connectionString, tableOptions));
        services.AddSingleton(new QueueServiceClient(connectionString, queueOptions));
        return services.BuildServiceProvider();
    }

    /// <summary>Every host with its profile and schedule, and one settled future booking (rows as the booking transaction writes them, no pending event).</summary>
    private static async Task SeedAsync(ServiceProvider provider, IReadOnlyList<HostSlug> slugs, Instant now)
    {
        var hosts = provider.GetRequiredService<IHostRepository>();
        var table = provider.GetRequiredService<TableServiceClient>().GetTableClient(SchedlyTables.Hosts);
        var eventType = EventType();
        var tokens = new ManageTokenIssuer(Secret);
        await Parallel.ForEachAsync(slugs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (slug, ct) =>
        {
            await hosts.TryCreateAsync(Host(slug, now), ct);
            var start = ClaimCells.Floor(now) + Duration.FromDays(3) + Duration.FromHours(slug.Value.GetHashCode(StringComparison.Ordinal) & 15);
            var id = BookingId.New(slug);
            var booking = Booking.Create(id, "intro", eventType, start, Client(), tokens.Issue(id).Hash, DateTimeZone.Utc, now);
            var span = BookedSpan.Of(booking);
            List<TableTransactionAction> rows =
            [
                new(TableTransactionActionType.Add, BookingEntityMapper.ToEntity(booking)),
                new(TableTransactionActionType.Add, BookingEntityMapper.ToIndexEntity(booking)),
                .. ClaimCells.Touching(booking.ClaimedSpan.Start, booking.ClaimedSpan.End).Select(cell => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity(slug.Value, BookingRowKeys.Cell(cell)) { [CellSpans.Column] = CellSpans.Write([span]) })),
            ];
            await table.SubmitTransactionAsync(rows, ct);
        });
    }

    /// <summary>
    /// For each active host, a booking made two hours ago (as the clock then said) that starts within the hour, so its
    /// reminder is due now: its event waits on <c>booking-events</c> and its outbox row for the guard.
    /// </summary>
    private static async Task MakeDueWorkAsync(ServiceProvider provider, IReadOnlyList<HostSlug> active, Instant now)
    {
        var madeAt = new FakeClock(now - Duration.FromHours(2));
        var create = new CreateBooking(
            provider.GetRequiredService<IHostRepository>(),
            provider.GetRequiredService<IBookingStore>(),
            provider.GetRequiredService<IImportedBusyTime>(),
            provider.GetRequiredService<IBookingEventPublisher>(),
            new ManageTokenIssuer(Secret),
            madeAt,
            CapOptions.NoClientCap,
        new LocationOptions());
        var start = ClaimCells.Floor(now) + Duration.FromHours(1);
        foreach (var host in active)
        {
            var result = await create.ExecuteAsync(host, "intro", new BookingRequestDraft(start.ToString(), "Grace", "grace@example.com", "UTC", null, null), null, "bench", CancellationToken.None);
            if (result is not CreateBookingResult.Created)
            {
                throw new InvalidOperationException($"Seeding the due work of {host} failed: {result}.");
            }
        }
    }

    /// <summary>Handles every message of a queue as its trigger does: receive in batches of 16, handle, delete.</summary>
    private static async Task DrainAsync(QueueServiceClient queues, string name, Func<string, Task> handle)
    {
        var queue = queues.GetQueueClient(name);
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(16)).Value;
            if (batch.Length == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                await handle(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    private static EventType EventType() =>
        new EventTypeDraft { Title = "Intro", DurationMinutes = 30, MinimumNoticeMinutes = 0, MaxBookingsPerDay = 50, ReminderOffsetsMinutes = [60] }.Validate().Value;

    private static Host Host(HostSlug slug, Instant now)
    {
        var allDay = new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?>();
        foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" })
        {
            allDay[day] = [new("00:00", "24:00")];
        }

        return new Host(slug, new HostProfile("Host " + slug.Value, slug.Value + "@example.com", DateTimeZone.Utc), ApiKey.Generate().Hash, now, now)
        {
            Schedule = HostSchedule.Empty.WithEventType("intro", EventType()) with { Availability = new AvailabilityDraft(allDay, null, null).Validate().Value },
        };
    }

    private static ClientDetails Client() => new("Grace", "grace@example.com", DateTimeZone.Utc, "", new Dictionary<string, string>());
}
