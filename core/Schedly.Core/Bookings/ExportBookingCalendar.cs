using Schedly.Core.Hosts;
using Schedly.Core.Notifications;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking as an iCalendar file for the client's "add to calendar": UID stable per booking,
/// SEQUENCE raised by every reschedule (and once more by a cancellation), STATUS CANCELLED once
/// cancelled, the host as organizer and the client as attendee; titled with the host's name in the booking's language
/// (<c>Intro call with Ada Lovelace</c>).
/// </summary>
public sealed class ExportBookingCalendar(ManagedBookings bookings, IHostRepository hosts)
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
        var host = await hosts.FindAsync(booking.Id.Host, cancellationToken).ConfigureAwait(false);
        var cancelled = !booking.HoldsTime;
        var hostName = host?.Value.Profile.Name ?? booking.Id.Host.Value;
        var title = host?.Value.Schedule.FindEventType(booking.EventType)?.Title ?? booking.EventType;
        return BookingCalendar.CreateDownload(new BookingCalendarEvent
        {
            BookingId = booking.Id.Value,
            Sequence = booking.Sequence + (cancelled ? 1 : 0),
            Cancelled = cancelled,
            Start = booking.Start,
            End = booking.End,
            Title = BookingCalendarEvent.Summary(Localization.MessageCatalogs.For(booking.Client.Locale), title, hostName),
            Locale = booking.Client.Locale,
            HostName = hostName,
            HostEmail = host?.Value.Profile.Email ?? "noreply@schedly.invalid",
            ClientName = booking.Client.Name,
            ClientEmail = booking.Client.Email,
            Stamp = booking.UpdatedAt,
            Location = booking.Location,
        });
    }
}
