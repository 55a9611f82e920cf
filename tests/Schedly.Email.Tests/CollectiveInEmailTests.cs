using Ical.Net;
using MimeKit;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

/// <summary>
/// The client's one confirmation of a collective booking with Ada Lovelace, Alan Turing and Katherine Johnson, as MIME
/// a mail program reads: every host named in subject, body and invite, in the client's language; and a member's own
/// copy saying it is a team booking.
/// </summary>
public sealed class CollectiveInEmailTests
{
    private static readonly NoticeParty[] OtherHosts =
    [
        new("Alan Turing", "alan@example.org", Notices.London),
        new("Katherine Johnson", "katherine@example.org", Notices.NewYork),
    ];

    private static MimeMessage Mime(NoticeRecipient recipient, string locale)
    {
        var notice = Notices.Create(NoticeKind.Created, recipient);
        notice = notice with
        {
            Client = new NoticeParty(notice.Client.Name, notice.Client.Email, notice.Client.Zone) { Locale = locale },
            Host = new NoticeParty(notice.Host.Name, notice.Host.Email, notice.Host.Zone) { Locale = locale },
            OtherHosts = OtherHosts,
        };
        var message = new BookingEmailRenderer().Compose(notice, new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);
        using var stream = new MemoryStream();
        new MimeMessageBuilder().Build(message).WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static InviteSeen Invite(MimeMessage mime)
    {
        var part = mime.BodyParts.OfType<TextPart>().First(p => p.ContentType.IsMimeType("text", "calendar"));
        var calendar = Calendar.Load(part.Text)!;
        var e = Assert.Single(calendar.Events);
        return new InviteSeen(
            e.Summary!,
            e.Organizer!.Value!.ToString(),
            [.. e.Attendees.Select(a => (a.CommonName!, a.Value!.ToString()))]);
    }

    [Fact]
    public void ClientConfirmation_English_NamesEveryHost()
    {
        var mime = Mime(NoticeRecipient.Client, "en");

        Assert.Equal("grace@example.com", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("Confirmed: Intro call with Ada Lovelace, Alan Turing and Katherine Johnson, Mon 16 Mar 2026 10:00 (America/New_York)", mime.Subject);
        Assert.Contains("Intro call with Ada Lovelace, Alan Turing and Katherine Johnson is booked.", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("With: Ada Lovelace <ada@example.com>, Alan Turing <alan@example.org>, Katherine Johnson <katherine@example.org>", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:alan@example.org\">alan@example.org</a>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:katherine@example.org\">katherine@example.org</a>", mime.HtmlBody, StringComparison.Ordinal);
        var invite = Invite(mime);
        Assert.Equal("Intro call with Ada Lovelace, Alan Turing and Katherine Johnson", invite.Summary);
        Assert.Equal("mailto:ada@example.com", invite.Organizer);
        Assert.Equal(
            [("Grace Hopper", "mailto:grace@example.com"), ("Alan Turing", "mailto:alan@example.org"), ("Katherine Johnson", "mailto:katherine@example.org")],
            invite.Attendees);
    }

    [Fact]
    public void ClientConfirmation_German_NamesEveryHostAsAGermanList()
    {
        var mime = Mime(NoticeRecipient.Client, "de");

        Assert.StartsWith("Bestätigt: Intro call mit Ada Lovelace, Alan Turing und Katherine Johnson, ", mime.Subject, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace, Alan Turing und Katherine Johnson", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace, Alan Turing und Katherine Johnson", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Intro call mit Ada Lovelace, Alan Turing und Katherine Johnson", Invite(mime).Summary);
        Assert.Equal(3, Invite(mime).Attendees.Count);
    }

    [Fact]
    public void ClientConfirmation_Arabic_JoinsTheHostsWithWaw()
    {
        var mime = Mime(NoticeRecipient.Client, "ar");

        Assert.StartsWith("تم التأكيد: Intro call مع Ada Lovelace وAlan Turing وKatherine Johnson", mime.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void HostCopy_SaysTeamBooking_WithTheOtherMembers_AndNamesTheClientOnly()
    {
        var mime = Mime(NoticeRecipient.Host, "fr");

        Assert.Equal("ada@example.com", Assert.Single(mime.To.Mailboxes).Address);
        Assert.StartsWith("Confirmé : Intro call avec Grace Hopper,", mime.Subject, StringComparison.Ordinal);
        Assert.Contains("Réservation d’équipe, avec Alan Turing et Katherine Johnson.", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("Réservation d’équipe, avec Alan Turing et Katherine Johnson.", System.Net.WebUtility.HtmlDecode(mime.HtmlBody), StringComparison.Ordinal);
        var invite = Invite(mime);
        Assert.Equal("mailto:ada@example.com", invite.Organizer);
        Assert.Equal(3, invite.Attendees.Count);
    }

    [Fact]
    public void OneHostBooking_HasNoTeamLine_AndOneAttendee()
    {
        var message = new BookingEmailRenderer().Compose(Notices.Create(NoticeKind.Created, NoticeRecipient.Host), new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);

        Assert.DoesNotContain("Team booking", message.TextBody, StringComparison.Ordinal);
        Assert.Single(Assert.Single(Calendar.Load(message.Calendar!.Content)!.Events).Attendees);
    }

    private sealed record InviteSeen(string Summary, string Organizer, List<(string Name, string Address)> Attendees);
}
