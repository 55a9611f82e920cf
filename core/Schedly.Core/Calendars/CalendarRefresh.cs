using System.Text.Json;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;

namespace Schedly.Core.Calendars;

/// <summary>
/// One <c>calendar-refresh</c> queue message: <c>{ "host": "ada", "feed": "work", "generation": 3 }</c>. It is acted
/// on only while the feed still has that <see cref="Generation"/> (see <see cref="CalendarFeed.Generation"/>).
/// </summary>
public sealed record CalendarRefresh(string Host, string Feed, long Generation)
{
    public string ToJson() => JsonSerializer.Serialize(this, QueueMessageJson.Options);

    public static CalendarRefresh? TryParse(string json) =>
        QueueMessageJson.TryDeserialize<CalendarRefresh>(json) is { } parsed && HostSlug.TryParse(parsed.Host, out _)
            && CalendarFeedDraft.IsValidId(parsed.Feed) && parsed.Generation > 0
            ? parsed
            : null;
}
