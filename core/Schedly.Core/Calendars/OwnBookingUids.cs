using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;

namespace Schedly.Core.Calendars;

/// <summary>
/// Recognises Schedly's own bookings in an imported feed. Every invitation, cancellation and the host's own
/// Schedly feed carry the UID <see cref="BookingCalendar.Uid"/> builds: <c>{bookingId}@schedly</c>, where a booking
/// id is <c>{host}--{20 base32 chars}</c>. Calendar apps keep the UID when they import an invitation or subscribe
/// to a feed, so the host's calendar shows our bookings under these UIDs.
/// </summary>
public static class OwnBookingUids
{
    /// <summary>The UID suffix <see cref="BookingCalendar.Uid"/> appends to a booking id.</summary>
    public const string Suffix = "@schedly";

    /// <summary>The booking id inside a Schedly UID, or null for any other UID.</summary>
    public static BookingId? BookingIdOf(string? uid)
    {
        if (uid is null || !uid.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        return BookingId.TryParse(uid[..^Suffix.Length], out var id) ? id : null;
    }

    /// <summary>
    /// True for a booking of <paramref name="host"/>: that host's bookings are already busy in Schedly. A booking the
    /// host made as a client of another Schedly host is not matched, so it stays busy.
    /// </summary>
    public static Func<string, bool> ForHost(HostSlug host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return uid => BookingIdOf(uid)?.Host == host;
    }
}
