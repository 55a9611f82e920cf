using Ical.Net;
using MimeKit;
using Schedly.Core.Locations;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

/// <summary>The booking's location in every email kind, read back from the MIME message and its invite as a client would.</summary>
public sealed class LocationInEmailTests
{
    private static readonly BookingLocation Room = new(LocationKind.GeneratedVideo, "https://meet.jit.si/0123abcd", new Uri("https://meet.jit.si/0123abcd"));

    private static readonly BookingLocation Office = new(LocationKind.InPerson, "12 Rue X, Paris", null);

    private static MimeMessage Mime(BookingNotice notice)
    {
        var message = new BookingEmailRenderer().Compose(notice, new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);
        using var stream = new MemoryStream();
        new MimeMessageBuilder().Build(message).WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Invite(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().First(p => p.ContentType.MimeType == "text/calendar");
        return Assert.Single((Calendar.Load(part.Text) ?? throw new InvalidOperationException("No calendar.")).Events);
    }

    [Theory]
    [InlineData(NoticeKind.Created)]
    [InlineData(NoticeKind.Rescheduled)]
    [InlineData(NoticeKind.Cancelled)]
    [InlineData(NoticeKind.Reminder)]
    public void Compose_VideoRoom_IsInTextHtmlAndInviteLocationAndUrl(NoticeKind kind)
    {
        var message = Mime(Notices.Create(kind) with { Location = Room });

        Assert.Contains("Where: https://meet.jit.si/0123abcd", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://meet.jit.si/0123abcd\"", message.HtmlBody, StringComparison.Ordinal);
        var invite = Invite(message);
        Assert.Equal("https://meet.jit.si/0123abcd", invite.Location);
        Assert.Equal(new Uri("https://meet.jit.si/0123abcd"), invite.Url);
    }

    [Theory]
    [InlineData(NoticeRecipient.Client)]
    [InlineData(NoticeRecipient.Host)]
    public void Compose_InPerson_IsTheInviteLocationWithoutReplacingTheManageLink(NoticeRecipient recipient)
    {
        var message = Mime(Notices.Create(recipient: recipient) with { Location = Office });

        Assert.Contains("Where: 12 Rue X, Paris", message.TextBody, StringComparison.Ordinal);
        var invite = Invite(message);
        Assert.Equal("12 Rue X, Paris", invite.Location);
        Assert.Equal(recipient == NoticeRecipient.Client ? Notices.Create().ManageUrl : null, invite.Url);
    }

    [Fact]
    public void Compose_NoLocation_SaysNothingAboutWhere()
    {
        var message = Mime(Notices.Create());

        Assert.DoesNotContain("Where", message.TextBody, StringComparison.Ordinal);
        Assert.Null(Invite(message).Location);
    }
}
