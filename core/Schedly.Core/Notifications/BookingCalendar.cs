using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Schedly.Core.Locations;

namespace Schedly.Core.Notifications;

/// <summary>A booking as one calendar event: what <see cref="BookingCalendar"/> turns into an .ics.</summary>
public sealed record BookingCalendarEvent
{
    public required string BookingId { get; init; }

    /// <summary>iCalendar SEQUENCE; the caller raises it on every change (reschedule, cancellation).</summary>
    public int Sequence { get; init; }

    /// <summary>True: METHOD:CANCEL and STATUS:CANCELLED; false: METHOD:REQUEST and STATUS:CONFIRMED.</summary>
    public bool Cancelled { get; init; }

    public required Instant Start { get; init; }

    public required Instant End { get; init; }

    public required string Title { get; init; }

    public required string HostName { get; init; }

    public required string HostEmail { get; init; }

    public required string ClientName { get; init; }

    public required string ClientEmail { get; init; }

    /// <summary>
    /// The other hosts of a collective booking: each an ATTENDEE beside the client, while the booking's own host stays the
    /// ORGANIZER. Empty for a booking with one host.
    /// </summary>
    public IReadOnlyList<CalendarPerson> OtherHosts { get; init; } = [];

    /// <summary>LOCATION (its display text); a video location's link is the event's URL.</summary>
    public BookingLocation? Location { get; init; }

    /// <summary>Put in DESCRIPTION when present (the client's copy).</summary>
    public Uri? ManageUrl { get; init; }

    /// <summary>DTSTAMP: when this version of the event was issued.</summary>
    public required Instant Stamp { get; init; }

    /// <summary>The language of the DESCRIPTION's words (the SUMMARY is <see cref="Title"/> as given).</summary>
    public string Locale { get; init; } = Localization.SupportedLocales.Default;

    /// <summary>
    /// The entry's title in <paramref name="catalog"/>'s language: the event type and everyone met, e.g.
    /// <c>Intro call with Ada Lovelace</c> or <c>Intro call with Ada Lovelace and Grace Hopper</c> (<c>ics.summary</c>).
    /// </summary>
    public static string Summary(Localization.MessageCatalog catalog, string eventTypeTitle, IReadOnlyList<string> peopleMet)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Text("ics.summary", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = eventTypeTitle,
            ["name"] = new Localization.CatalogLists(catalog).And(peopleMet),
        });
    }

    /// <summary>The invite an email carries, for the email's recipient: titled with the person they meet, in their language.</summary>
    public static BookingCalendarEvent From(BookingNotice notice, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var catalog = Localization.MessageCatalogs.For(notice.RecipientParty.Locale);
        return new BookingCalendarEvent
        {
            BookingId = notice.BookingId,
            Sequence = notice.Sequence,
            Cancelled = notice.EndsBooking,
            Start = notice.Start,
            End = notice.End,
            Title = Summary(catalog, notice.EventTypeTitle, [.. notice.Counterparts.Select(p => p.Name)]),
            Locale = catalog.Locale,
            HostName = notice.Host.Name,
            HostEmail = notice.Host.Email,
            ClientName = notice.Client.Name,
            ClientEmail = notice.Client.Email,
            OtherHosts = [.. notice.OtherHosts.Select(CalendarPerson.Of)],
            ManageUrl = notice.Recipient == NoticeRecipient.Client ? notice.ManageUrl : null,
            Location = notice.Location,
            Stamp = stamp,
        };
    }
}

/// <summary>
/// The iCalendar (RFC 5545 / iTIP RFC 5546) text for a booking: one VEVENT with a UID stable per booking
/// (<c>{bookingId}@schedly</c>), the caller's SEQUENCE, DTSTART/DTEND in UTC, the host as ORGANIZER and the client (and a
/// collective booking's other hosts) as ATTENDEE, the location as LOCATION and a video location's link as URL (otherwise URL is the manage link, when the
/// copy has one). Output is deterministic for the same input.
/// </summary>
public static class BookingCalendar
{
    public const string ProductId = "-//Schedly//Schedly//EN";

    /// <summary>The iCalendar method of a published (not invited) calendar.</summary>
    public const string Publish = "PUBLISH";

    public static string Uid(string bookingId)
    {
        ArgumentException.ThrowIfNullOrEmpty(bookingId);
        return $"{bookingId}@schedly";
    }

    /// <summary>The invitation an email carries (iTIP): METHOD:REQUEST, or METHOD:CANCEL for a cancelled booking.</summary>
    public static string Create(BookingCalendarEvent booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return Single(booking, booking.Cancelled ? CalendarAttachment.Cancel : CalendarAttachment.Request);
    }

    /// <summary>
    /// The booking as a file to download and import (<c>calendar.ics</c>): METHOD:PUBLISH, so a calendar app adds the
    /// event (STATUS:CANCELLED when cancelled) instead of treating the file as an invitation to answer. Same UID and
    /// SEQUENCE as the invitations, so importing it next to an accepted invite gives one event.
    /// </summary>
    public static string CreateDownload(BookingCalendarEvent booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return Single(booking, Publish);
    }

    private static string Single(BookingCalendarEvent booking, string method)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = method };
        calendar.Events.Add(ToEvent(booking));
        return Serialize(calendar);
    }

    /// <summary>
    /// A subscribable feed (METHOD:PUBLISH) of many bookings, as calendar apps poll it: the same UID and
    /// SEQUENCE per booking as its invitations, so a feed event and an accepted invite are the same event.
    /// </summary>
    public static string CreateFeed(string name, IEnumerable<BookingCalendarEvent> bookings)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var calendar = new Calendar { ProductId = ProductId, Method = Publish };
        calendar.AddProperty("X-WR-CALNAME", ParameterText(name));
        foreach (var booking in bookings)
        {
            calendar.Events.Add(ToEvent(booking));
        }

        return Serialize(calendar);
    }

    private static CalendarEvent ToEvent(BookingCalendarEvent booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.End <= booking.Start)
        {
            throw new ArgumentException("End must be after Start.", nameof(booking));
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(booking.BookingId),
            Sequence = booking.Sequence,
            DtStamp = Utc(booking.Stamp),
            DtStart = Utc(booking.Start),
            DtEnd = Utc(booking.End),
            Summary = booking.Title,
            Status = booking.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = "OPAQUE",
            Organizer = new Organizer("mailto:" + booking.HostEmail) { CommonName = ParameterText(booking.HostName) },
        };
        if (booking.ManageUrl is not null)
        {
            calendarEvent.Description = Localization.MessageCatalogs.For(booking.Locale).Text(
                "ics.manage",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = booking.ManageUrl.AbsoluteUri });
            calendarEvent.Url = booking.ManageUrl;
        }

        if (booking.Location is { } location)
        {
            calendarEvent.Location = location.Display;
            calendarEvent.Url = location.Url ?? calendarEvent.Url;
        }

        foreach (var person in booking.OtherHosts.Prepend(new CalendarPerson(booking.ClientName, booking.ClientEmail)))
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + person.Email)
            {
                CommonName = ParameterText(person.Name),
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = booking.Cancelled ? "DECLINED" : "ACCEPTED",
                Rsvp = false,
            });
        }

        return calendarEvent;
    }

    private static string Serialize(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar serialised to nothing.");

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);

    /// <summary>Parameter values (CN) cannot carry double quotes or line breaks.</summary>
    private static string ParameterText(string text) =>
        new(text.Where(c => c != '"' && !char.IsControl(c)).ToArray());
}
