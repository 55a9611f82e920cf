using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Notifications;

/// <summary>What notifications read, as stored now: a booking and its host. A narrow port over the booking and host stores.</summary>
public interface INotificationReader
{
    Task<Booking?> FindBookingAsync(BookingId id, CancellationToken cancellationToken);

    Task<Host?> FindHostAsync(HostSlug slug, CancellationToken cancellationToken);

    /// <summary>The team a booking was made through (its event types hold the booked type's title).</summary>
    Task<Team?> FindTeamAsync(TeamSlug slug, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="INotificationReader"/> over <see cref="IBookingStore.FindAsync"/>, <see cref="IHostRepository.FindAsync"/>
/// and <see cref="ITeamRepository.FindAsync"/>.
/// </summary>
public sealed class StoreNotificationReader(IBookingStore bookings, IHostRepository hosts, ITeamRepository teams) : INotificationReader
{
    public async Task<Team?> FindTeamAsync(TeamSlug slug, CancellationToken cancellationToken) =>
        (await teams.FindAsync(slug, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<Booking?> FindBookingAsync(BookingId id, CancellationToken cancellationToken) =>
        (await bookings.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<Host?> FindHostAsync(HostSlug slug, CancellationToken cancellationToken) =>
        (await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false))?.Value;
}

/// <summary>The reads of notifications that go beyond one booking and its host.</summary>
public static class NotificationReaderExtensions
{
    /// <summary>
    /// The other hosts of a collective booking (<see cref="NoticeAudience.OtherHosts"/>) as stored now, in the team's
    /// order, read together; a host that no longer exists is left out. Empty (and no read) for a booking with one host.
    /// </summary>
    public static async Task<IReadOnlyList<Host>> OtherHostsAsync(this INotificationReader reader, Booking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = await Task.WhenAll(NoticeAudience.OtherHosts(booking).Select(h => reader.FindHostAsync(h, cancellationToken))).ConfigureAwait(false);
        return [.. found.OfType<Host>()];
    }

    /// <summary>
    /// The title of the event type the client booked: the team's type for a booking made through a team (a member's own
    /// schedule does not hold it; one point read of the team), else <paramref name="host"/>'s; the type's slug when it is gone.
    /// </summary>
    public static async Task<string> EventTypeTitleAsync(this INotificationReader reader, Booking booking, Host? host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(booking);
        var title = booking.Team is { } team
            ? (await reader.FindTeamAsync(team.Team, cancellationToken).ConfigureAwait(false))?.FindEventType(booking.EventType)?.EventType.Title
            : host?.Schedule.FindEventType(booking.EventType)?.Title;
        return title ?? booking.EventType;
    }
}
