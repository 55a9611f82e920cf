using NodaTime;
using Schedly.Core.Calendars;

namespace Schedly.Functions.Calendars;

/// <summary>
/// A calendar feed as the admin API shows it. The address is a secret: only its scheme and host are shown
/// (<c>url</c>, e.g. <c>https://calendar.google.com/…</c>). <c>status</c> is never | ok | failing | stale.
/// </summary>
public sealed record CalendarResponse(
    string Id,
    string Name,
    string Url,
    string Status,
    string? LastSyncedAt,
    string? LastAttemptAt,
    int BusyCount,
    string? Error,
    IReadOnlyList<string> Warnings)
{
    public static CalendarResponse From(CalendarFeed feed, Instant now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var status = feed.StatusAt(now);
        var warnings = status == CalendarFeedStatus.Stale
            ? [.. feed.Warnings, "Not read for 24 hours: its busy times are no longer used until it can be read again."]
            : feed.Warnings;
        return new CalendarResponse(
            feed.Id,
            feed.Name,
            feed.MaskedUrl,
            status.ToString().ToLowerInvariant(),
            feed.LastSuccessAt?.ToString(),
            feed.LastAttemptAt?.ToString(),
            feed.KeepsBusyTime(now) ? feed.BusyCount : 0,
            feed.LastError,
            warnings);
    }
}

/// <summary><c>GET /api/admin/hosts/{host}/calendars</c>.</summary>
public sealed record CalendarListResponse(IReadOnlyList<CalendarResponse> Calendars);
