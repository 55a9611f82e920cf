using Schedly.Core.Notifications;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking as an iCalendar file for the client's "add to calendar": UID stable per booking,
/// SEQUENCE raised by every reschedule (and once more by a cancellation), STATUS CANCELLED once
/// cancelled, the host as organizer and the client as attendee; titled with the host's name in the booking's language
/// (<c>Intro call with Ada Lovelace</c>). A collective booking's other hosts are attendees too and named in the title
/// (<c>Intro call with Ada Lovelace and Grace Hopper</c>).
/// </summary>
public sealed class ExportBookingCalendar(ManagedBookings bookings, INotificationReader hosts)
{
    /// <summary>The .ics text, or null for an unknown booking or a wrong token.</summary>
    public async Task<string?> ExecuteAsync(string bookingId, string manageToken, CancellationToken cancellationToken)
    {
        var found = await bookings.FindAsync(bookingId, manageToken, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var booking = found.Value;
        var host = await hosts.FindHostAsync(booking.Id.Host, cancellationToken).ConfigureAwait(false);
        var otherHosts = await hosts.OtherHostsAsync(booking, cancellationToken).ConfigureAwait(false);
        var cancelled = !booking.HoldsTime;
        var hostName = host?.Profile.Name ?? booking.Id.Host.Value;
        var title = await hosts.EventTypeTitleAsync(booking, host, cancellationToken).ConfigureAwait(false);
        return BookingCalendar.CreateDownload(new BookingCalendarEvent
        {
            BookingId = booking.Id.Value,
            Sequence = booking.Sequence + (cancelled ? 1 : 0),
            Cancelled = cancelled,
            Start = booking.Start,
            End = booking.End,
            Title = BookingCalendarEvent.Summary(Localization.MessageCatalogs.For(booking.Client.Locale), title, [hostName, .. otherHosts.Select(h => h.Profile.Name)]),
            Locale = booking.Client.Locale,
            HostName = hostName,
            HostEmail = host?.Profile.Email ?? "noreply@schedly.invalid",
            OtherHosts = [.. otherHosts.Select(h => new CalendarPerson(h.Profile.Name, h.Profile.Email))],
            ClientName = booking.Client.Name,
            ClientEmail = booking.Client.Email,
            Stamp = booking.UpdatedAt,
            Location = booking.Location,
        });
    }
}
