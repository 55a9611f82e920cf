using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;
using Schedly.Core.Notifications;
using Schedly.Core.Security;

namespace Schedly.Core.Hosts;

/// <summary>
/// The host's bookings as a subscribable iCalendar feed (Google, Outlook and Apple calendars poll a
/// URL and cannot send headers, so a separate feed token rides in the URL). Issuing a token revokes
/// the previous one; revoking leaves none. The feed covers 30 days back to 365 days ahead; cancelled
/// bookings stay in it as STATUS:CANCELLED so subscribed calendars remove them. A booking made through a team is
/// titled with the team's event type (one read per team in the feed).
/// </summary>
public sealed class HostCalendarFeed(IHostRepository hosts, IBookingStore store, IClock clock, Teams.ITeamRepository teams)
{
    private const int MaxEvents = 2000;

    /// <summary>A new feed token (shown once), or null for an unknown host.</summary>
    public Task<ApiKey?> IssueAsync(HostSlug slug, CancellationToken cancellationToken) =>
        SetAsync(slug, ApiKey.GenerateFeedToken(), cancellationToken);

    /// <summary>True when the host exists (its feed, if any, is now revoked).</summary>
    public Task<bool> RevokeAsync(HostSlug slug, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<bool>("Feed revocation", async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            return await hosts.TryUpdateAsync(current.Value with { FeedTokenHash = null }, current.Version, ct).ConfigureAwait(false)
                ? true
                : Attempt<bool>.Conflict;
        }, cancellationToken);

    /// <summary>The feed, or null for an unknown host, no feed, or a wrong token (indistinguishable).</summary>
    public async Task<string?> RenderAsync(HostSlug slug, string feedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedToken);
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host?.Value.FeedTokenHash is not { } hash || !hash.Matches(feedToken))
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var range = new Interval(now - Duration.FromDays(30), now + Duration.FromDays(365));
        var bookings = new List<Booking>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(slug, range, [], 200, continuation, cancellationToken).ConfigureAwait(false);
            bookings.AddRange(page.Bookings);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && bookings.Count < MaxEvents);

        var teamTypes = new Dictionary<string, Teams.Team?>(StringComparer.Ordinal);
        foreach (var team in bookings.Select(b => b.Team?.Team).OfType<Teams.TeamSlug>().DistinctBy(t => t.Value))
        {
            teamTypes[team.Value] = (await teams.FindAsync(team, cancellationToken).ConfigureAwait(false))?.Value;
        }

        return BookingCalendar.CreateFeed($"Schedly: {host.Value.Profile.Name}", [.. bookings.Select(b => ToEvent(host.Value, b, TitleOf(host.Value, b, teamTypes)))]);
    }

    /// <summary>The booked event type's title: the team's for a team booking, else the host's; its slug when gone.</summary>
    private static string TitleOf(Host host, Booking booking, Dictionary<string, Teams.Team?> teamTypes) =>
        (booking.Team is { } team
            ? teamTypes.GetValueOrDefault(team.Team.Value)?.FindEventType(booking.EventType)?.EventType.Title
            : host.Schedule.FindEventType(booking.EventType)?.Title) ?? booking.EventType;

    private static BookingCalendarEvent ToEvent(Host host, Booking booking, string title)
    {
        var cancelled = !booking.HoldsTime;
        return new BookingCalendarEvent
        {
            BookingId = booking.Id.Value,
            Sequence = booking.Sequence + (cancelled ? 1 : 0),
            Cancelled = cancelled,
            Start = booking.Start,
            End = booking.End,
            Title = $"{title}: {booking.Client.Name}",
            HostName = host.Profile.Name,
            HostEmail = host.Profile.Email,
            ClientName = booking.Client.Name,
            ClientEmail = booking.Client.Email,
            Stamp = booking.UpdatedAt,
            Location = booking.Location,
        };
    }

    private Task<ApiKey?> SetAsync(HostSlug slug, ApiKey token, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<ApiKey?>("Feed token issue", async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            return await hosts.TryUpdateAsync(current.Value with { FeedTokenHash = token.Hash }, current.Version, ct).ConfigureAwait(false)
                ? token
                : Attempt<ApiKey?>.Conflict;
        }, cancellationToken);
}
