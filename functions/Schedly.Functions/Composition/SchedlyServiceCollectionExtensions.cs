using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Schedly.AzureStorage.Abuse;
using Schedly.AzureStorage.Analytics;
using Schedly.AzureStorage.Connection;
using Schedly.AzureStorage.Housekeeping;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Photos;
using Schedly.AzureStorage.Queues;
using Schedly.AzureStorage.Reminders;
using Schedly.AzureStorage.SignIn;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Hosts.Photos;
using Schedly.Core.Housekeeping;
using Schedly.Core.Locations;
using Schedly.Core.Reminders;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.Functions.Http;

namespace Schedly.Functions.Composition;

/// <summary>Service registration shared by the Functions host and the local runner.</summary>
public static class SchedlyServiceCollectionExtensions
{
    public static IServiceCollection AddSchedly(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSchedlyLogFilters().AddSchedlyCore().AddSchedlyStorage(configuration).AddSchedlyNotifications().AddSchedlyCalendars().AddSchedlyTeams().AddSchedlyPayments();

    /// <summary>
    /// Keeps request URLs out of the logs: ASP.NET Core's own logging below Warning (<c>Request starting GET
    /// …/calendar.ics?token=…</c> from <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>, routing, results) is dropped, in
    /// the Functions worker (whose logs the platform ships to Application Insights) and the local runner alike, whatever
    /// <c>Logging:LogLevel</c> says. Registered after the configuration's rules, so it wins over a rule for the same
    /// category.
    /// </summary>
    public static IServiceCollection AddSchedlyLogFilters(this IServiceCollection services) =>
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));

    /// <summary>Use cases and the clock.</summary>
    public static IServiceCollection AddSchedlyCore(this IServiceCollection services)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        services.AddSingleton(provider => new OperatorKey(provider.GetRequiredService<IOptions<SecurityOptions>>().Value.OperatorKey));
        services.AddSingleton(provider => new ManageTokenIssuer(provider.GetRequiredService<IOptions<SecurityOptions>>().Value.ManageTokenSecret));
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<AdminRoutes>();
        services.AddSingleton<OperatorRoutes>();
        services.AddSingleton<UpsertHost>();
        services.AddSingleton<GetHostProfile>();
        services.AddSingleton<EditHostSchedule>();
        services.AddSingleton<RotateHostApiKey>();
        services.AddSingleton<ListSlots>();
        services.AddSingleton<CreateBooking>();
        services.AddSingleton<ManagedBookings>();
        services.AddSingleton<ExportBookingCalendar>();
        services.AddSingleton<HostBookings>();
        services.AddSingleton<BulkCancelBookings>();
        services.AddSingleton<Core.Privacy.ErasePersonalData>();
        services.AddSingleton<HostCalendarFeed>();
        services.AddSingleton<RollUpAnalytics>();
        services.AddSingleton<GetAnalytics>();
        services.AddSingleton<SendDueReminders>();
        services.AddSingleton<DrainReminderIndex>();
        services.AddSingleton<PruneExpiredRows>();
        services.AddSingleton<RetireExpiredTables>();
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        services.AddSingleton<RateLimiter>();
        services.AddValidatedOptions<CapOptions>(CapOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CapOptions>>().Value);
        services.AddValidatedOptions<LocationOptions>(LocationOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<LocationOptions>>().Value);
        services.AddSingleton<PublicRateLimit>();
        services.AddSingleton<Functions.Bookings.BookingRequestPipeline>();
        services.AddValidatedOptions<ProofOfWorkOptions>(ProofOfWorkOptions.Section);
        services.AddSingleton(provider => new ProofOfWork(
            provider.GetRequiredService<IOptions<ProofOfWorkOptions>>().Value,
            provider.GetRequiredService<IProofOfWorkReplayStore>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IOptions<SecurityOptions>>().Value.ManageTokenSecret));
        services.AddSingleton<ProofOfWorkGate>();
        services.AddValidatedOptions<SignInOptions>(SignInOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SignInOptions>>().Value);
        services.AddSingleton<HostSessions>();
        services.AddSingleton<PruneExpiredSessions>();
        services.AddSingleton<RedeemSignInLink>();
        services.AddSingleton<SuspendHost>();
        services.AddSingleton<HostPhotos>();
        return services;
    }

    /// <summary>Azure Table Storage, Storage Queues and Blob Storage (host photos) adapters (connection from <c>AzureWebJobsStorage</c>), and start-up provisioning.</summary>
    public static IServiceCollection AddSchedlyStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StorageConnectionSettings>(StorageConfiguration.SettingName)
            .PostConfigure(settings => StorageConfiguration.ReadValue(settings, configuration, StorageConfiguration.SettingName));
        services.AddSingleton(provider => new StorageClients(provider.GetRequiredService<IOptions<StorageConnectionSettings>>().Value));
        services.AddSingleton(provider => provider.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(provider => provider.GetRequiredService<StorageClients>().Queues);
        services.AddSingleton(provider => provider.GetRequiredService<StorageClients>().Blobs);
        services.AddSingleton<IHostRepository, TableHostRepository>();
        services.AddSingleton<IHostPhotoStore, BlobHostPhotoStore>();
        services.AddSingleton<OutboxGuardQueue>();
        services.AddSingleton<IBookingStore, TableBookingStore>();
        services.AddSingleton<IAnalyticsStore, TableAnalyticsStore>();
        services.AddSingleton<IAnalyticsQueue, QueueAnalyticsQueue>();
        services.AddSingleton<IReminderStore, TableReminderStore>();
        services.AddSingleton<IReminderIndex, TableReminderIndex>();
        services.AddSingleton<IReminderWorkQueue, QueueReminderWorkQueue>();
        services.AddSingleton<IBookingEventPublisher, QueueBookingEventPublisher>();
        services.AddSingleton<IRateCounterStore, TableRateCounterStore>();
        services.AddSingleton<IExpiredRowStore, TableExpiredRowStore>();
        services.AddSingleton<IDatedTables, DatedTableSet>();
        services.AddSingleton<IProofOfWorkReplayStore, TableProofOfWorkReplayStore>();
        services.AddSingleton<ISignInStore, TableSignInStore>();
        services.AddSingleton<IHostEmailIndex, TableHostEmailIndex>();
        services.AddSingleton<IHostDirectory, TableHostDirectory>();
        services.AddSingleton<QueueSignInLinkRequests>();
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService<StorageProvisioningService>();
        return services;
    }
}
