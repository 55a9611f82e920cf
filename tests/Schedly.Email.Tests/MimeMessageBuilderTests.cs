using MimeKit;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

public sealed class MimeMessageBuilderTests
{
    private static MimeMessage RoundTrip(EmailMessage message)
    {
        using var stream = new MemoryStream();
        new MimeMessageBuilder().Build(message).WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static string Raw(EmailMessage message)
    {
        using var stream = new MemoryStream();
        new MimeMessageBuilder().Build(message).WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Build_MessageWithInvite_HasTextHtmlAndCalendarAlternativesAndAttachment()
    {
        var message = Notices.Message();

        var parsed = RoundTrip(message);

        Assert.Equal("multipart/mixed", parsed.Body?.ContentType.MimeType);
        var mixed = Assert.IsType<Multipart>(parsed.Body);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal(message.TextBody.ReplaceLineEndings(), (parsed.TextBody ?? "").ReplaceLineEndings());
        Assert.Equal(message.HtmlBody.ReplaceLineEndings(), (parsed.HtmlBody ?? "").ReplaceLineEndings());
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendar.ContentType.Charset);
        Assert.Contains("UID:bk_01J9Z@schedly", calendar.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(parsed.Attachments.OfType<MimePart>());
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.True(attachment.IsAttachment);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("utf-8", attachment.ContentType.Charset);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        Assert.NotNull(attachment.Content);
        attachment.Content.DecodeTo(content);
        Assert.Equal(message.Calendar!.Content, System.Text.Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public void Build_Message_SetsIdsAndAddresses()
    {
        var parsed = RoundTrip(Notices.Message());

        Assert.Equal("bk_01J9Z.created.client.0@schedly", parsed.MessageId);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(parsed.To));
        Assert.Equal("grace@example.com", to.Address);
        Assert.Equal("Grace Hopper", to.Name);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(parsed.From));
        Assert.Equal("no-reply@schedly.example", from.Address);
    }

    [Fact]
    public void Build_NonAsciiNameAndSubject_EncodesHeadersAsUtf8()
    {
        var message = Notices.Message(clientName: "Zoë Ünal") with { Subject = "Réservé — Intro call" };

        var raw = Raw(message);
        var parsed = RoundTrip(message);

        var normalised = raw.ReplaceLineEndings("\n");
        var headers = normalised[..normalised.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.True(headers.All(c => c < 128), "Headers must be 7-bit with RFC 2047 encoded words.");
        Assert.Contains("=?utf-8?", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Réservé — Intro call", parsed.Subject);
        Assert.Equal("Zoë Ünal", Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Name);
    }

    [Fact]
    public void Build_ScriptInName_IsEncodedInHtmlPart()
    {
        var parsed = RoundTrip(Notices.Message(clientName: "<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", parsed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CancelInvite_HasCancelMethod()
    {
        var message = new BookingEmailRenderer().Compose(
            Notices.Create(NoticeKind.Cancelled), new EmailAddress("no-reply@schedly.example"), Notices.IssuedAt);

        var parsed = RoundTrip(message);

        // The inline invite (the .ics attachment is text/calendar too since it carries the method and charset).
        var calendar = parsed.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar" && !p.IsAttachment);
        Assert.Equal("CANCEL", calendar.ContentType.Parameters["method"]);
        Assert.Equal("CANCEL", Assert.Single(parsed.Attachments.OfType<MimePart>()).ContentType.Parameters["method"]);
    }

    [Fact]
    public void Build_WithoutInvite_IsJustAlternative()
    {
        var parsed = RoundTrip(Notices.Message() with { Calendar = null });

        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Empty(parsed.Attachments);
    }
}
