using System.Text;
using MimeKit;
using MimeKit.Text;
using Schedly.Core.Notifications;

namespace Schedly.Email;

/// <summary>
/// Builds the MIME form of an <see cref="EmailMessage"/>:
/// <code>
/// multipart/mixed
///   multipart/alternative
///     text/plain; charset=utf-8
///     text/html; charset=utf-8
///     text/calendar; method=REQUEST|CANCEL; charset=utf-8     (when there is an invite)
///   text/calendar; charset=utf-8; method=REQUEST|CANCEL; name=invite.ics  (attachment, when there is an invite)
/// </code>
/// Without an invite the message is just the multipart/alternative. Headers are UTF-8 (RFC 2047 where needed);
/// the Message-Id is <c>&lt;{MessageId}@schedly&gt;</c>.
/// </summary>
/// <param name="time">The clock for the Date header; default the system clock.</param>
public sealed class MimeMessageBuilder(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public MimeMessage Build(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            MessageId = MessageIds.HeaderId(message.MessageId),
            Date = _time.GetUtcNow(),
        };
        mime.From.Add(Mailbox(message.From));
        mime.To.Add(Mailbox(message.To));
        mime.Headers.Replace(HeaderId.Subject, Encoding.UTF8, message.Subject);

        var alternative = new MultipartAlternative
        {
            TextPart(TextFormat.Plain, message.TextBody),
            TextPart(TextFormat.Html, message.HtmlBody),
        };

        if (message.Calendar is not { } calendar)
        {
            mime.Body = alternative;
            return mime;
        }

        var inline = new TextPart("calendar");
        inline.ContentType.Parameters.Add("method", calendar.Method);
        inline.SetText(Encoding.UTF8, calendar.Content);
        inline.ContentTransferEncoding = ContentEncoding.Base64;
        alternative.Add(inline);

        var attachment = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = calendar.FileName,
        };

        attachment.ContentType.Charset = "utf-8";
        attachment.ContentType.Parameters.Add("method", calendar.Method);
        mime.Body = new Multipart("mixed") { alternative, attachment };
        return mime;
    }

    private static MailboxAddress Mailbox(EmailAddress address) =>
        new(Encoding.UTF8, address.DisplayName ?? "", address.Address);

    private static TextPart TextPart(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
