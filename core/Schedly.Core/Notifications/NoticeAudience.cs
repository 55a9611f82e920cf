using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.Core.Notifications;

/// <summary>
/// Who hears about a booking, and who else a message about it names. A host's own booking and a round-robin booking
/// have one host: its client and its host hear about it. A collective booking ("all of us") is stored as one booking
/// per member, each announcing itself (created, rescheduled, cancelled, reminders …): every member hears about their
/// own booking, with the other members named, while the client hears once, through the lead's booking
/// (<see cref="TeamBooking.Lead"/>, the booking whose manage token the client holds), which names every host. Every
/// client-facing message of the other members' bookings (confirmation, reminders, reschedule and cancellation
/// notices, payment and approval notices, refunds) is not sent, so cancelling or moving every member's booking tells
/// the client once.
/// </summary>
public static class NoticeAudience
{
    /// <summary>True when <paramref name="recipient"/> is told about <paramref name="booking"/>.</summary>
    public static bool Reaches(Booking booking, NoticeRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return recipient == NoticeRecipient.Host || booking.Team?.Lead is not { } lead || lead == booking.Id.Host;
    }

    /// <summary>The hosts of a collective booking other than this booking's own, in the team's order; empty otherwise.</summary>
    public static IReadOnlyList<HostSlug> OtherHosts(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Team is { Assignment: TeamAssignment.Collective } team
            ? [.. team.Hosts.Where(h => h != booking.Id.Host)]
            : [];
    }
}
