using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Schedly.AzureStorage.Calendars;
using Schedly.Core.Calendars;
using Schedly.Functions.Calendars;

namespace Schedly.Functions.Composition;

/// <summary>
/// Calendar subscriptions (docs/CALENDARS.md): <c>Schedly:Calendars</c> options, the feed store (also the imported busy
/// time the slot query reads), the <c>calendar-refresh</c> queue, the guarded HTTP fetcher, and the address protector
/// keyed from <c>Schedly:Security:ManageTokenSecret</c>.
/// </summary>
public static class CalendarServiceCollectionExtensions
{
    public static IServiceCollection AddSchedlyCalendars(this IServiceCollection services)
    {
        services.AddValidatedOptions<CalendarOptions>(CalendarOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CalendarOptions>>().Value);
        services.AddSingleton(provider => new CalendarUrlProtector(provider.GetRequiredService<IOptions<SecurityOptions>>().Value.ManageTokenSecret));
        services.AddSingleton<TableCalendarFeedStore>();
        services.AddSingleton<ICalendarFeedStore>(provider => provider.GetRequiredService<TableCalendarFeedStore>());
        services.AddSingleton<IImportedBusyTime>(provider => provider.GetRequiredService<TableCalendarFeedStore>());
        services.AddSingleton<ICalendarRefreshQueue, QueueCalendarRefreshQueue>();
        services.AddSingleton<ICalendarFeedFetcher, HttpCalendarFeedFetcher>();
        services.AddSingleton<ManageCalendarFeeds>();
        services.AddSingleton<RefreshCalendarFeed>();
        return services;
    }
}
