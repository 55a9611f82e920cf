using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.Notifications;

/// <summary>Where emails come from and where manage links point.</summary>
public sealed record NotificationSettings(EmailAddress From, Uri PublicBaseUrl)
{
    /// <summary>
    /// <c>{PublicBaseUrl}/manage#id={bookingId}&amp;token={token}</c>: the token stays in the fragment, out of server logs.
    /// A booking made in another language than English opens the page in it: <c>/manage?lang=de#id=…</c>.
    /// </summary>
    public Uri ManageUrl(BookingId booking, ApiKey token, string? locale = null) => TokenPageUrl("manage", booking, token, locale);

    /// <summary>
    /// <c>{PublicBaseUrl}/approve#id={bookingId}&amp;token={approvalToken}</c>: the page where the host approves or declines
    /// a request from the email, in the host's language; like the manage link, the token stays in the fragment.
    /// </summary>
    public Uri ApprovalUrl(BookingId booking, ApiKey token, string? locale = null) => TokenPageUrl("approve", booking, token, locale);

    private Uri TokenPageUrl(string page, BookingId booking, ApiKey token, string? locale)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(token);
        var language = Localization.SupportedLocales.Match(locale);
        var query = language is null or Localization.SupportedLocales.Default ? "" : "?lang=" + Uri.EscapeDataString(language);
        return new Uri($"{PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/{page}{query}#id={Uri.EscapeDataString(booking.Value)}&token={Uri.EscapeDataString(token.Value)}");
    }
}

public enum EmailOutcome
{
    Sent,

    /// <summary>The ledger already holds this effect: a redelivered message.</summary>
    AlreadySent,

    /// <summary>The booking or host no longer exists, or the event is not one that sends email.</summary>
    Skipped,
}

/// <summary>
/// Sends one booking email exactly once per effect id, as far as the transport allows: check the ledger, render from the
/// booking and host (and a collective booking's other hosts) as stored now (times as the event announced them, in the recipient's zone), send with the
/// deterministic <see cref="BookingNotice.MessageId"/>, then record the effect. A crash after sending and before
/// recording sends again with the same MessageId, which the pickup folder and ACS (repeatability id) drop; SMTP cannot
/// (see docs/EMAIL.md). A failed send throws, so the queue retries. A client email of a collective booking's member other
/// than the lead is skipped (<see cref="NoticeAudience"/>): the client hears once, with every host named.
/// </summary>
public sealed class SendBookingEmail(
    INotificationReader reader,
    IEffectLedger ledger,
    IEmailSender sender,
    ManageTokenIssuer tokens,
    BookingEmailRenderer renderer,
    NotificationSettings settings,
    IClock clock)
{
    public static string LedgerKey(string effectId) => "email|" + effectId;

    public async Task<EmailOutcome> ExecuteAsync(EmailEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var kind = effect.Event.Type switch
        {
            BookingEvent.Created => NoticeKind.Created,
            BookingEvent.Rescheduled => NoticeKind.Rescheduled,
            BookingEvent.Cancelled => NoticeKind.Cancelled,
            Reminders.DueReminder.EventType => NoticeKind.Reminder,
            BookingEvent.Pending => NoticeKind.ApprovalPending, // or PaymentPending: decided from the booking below
            BookingEvent.Confirmed => NoticeKind.Confirmed,
            BookingEvent.Declined => NoticeKind.Declined,
            BookingEvent.Expired => NoticeKind.Expired,
            BookingEvent.Refunded => NoticeKind.Refunded,
            _ => (NoticeKind?)null,
        };
        if (kind is null || !BookingId.TryParse(effect.Event.BookingId, out var bookingId) || !HostSlug.TryParse(effect.Event.Host, out var hostSlug))
        {
            return EmailOutcome.Skipped;
        }

        var key = LedgerKey(effect.EffectId);
        if (await ledger.HasAsync(effect.Event.Host, key, cancellationToken).ConfigureAwait(false))
        {
            return EmailOutcome.AlreadySent;
        }

        var booking = await reader.FindBookingAsync(bookingId, cancellationToken).ConfigureAwait(false);
        var host = await reader.FindHostAsync(hostSlug, cancellationToken).ConfigureAwait(false);
        if (booking is null || host is null)
        {
            return EmailOutcome.Skipped;
        }

        // An erased client has no address any more, and a notice about an anonymous booking tells the host nothing it
        // does not know (the host or the operator erased it): no email either way (docs/SECURITY.md, "Privacy").
        if (booking.Client.IsErased)
        {
            return EmailOutcome.Skipped;
        }

        // A collective booking tells its client once, through the lead member's booking (docs/TEAMS.md).
        var recipient = effect.Recipient == EmailEffect.ClientRecipient ? NoticeRecipient.Client : NoticeRecipient.Host;
        if (!NoticeAudience.Reaches(booking, recipient))
        {
            return EmailOutcome.Skipped;
        }

        // A reminder for a time the booking no longer has (cancelled or moved since) is not sent.
        if (kind == NoticeKind.Reminder && (booking.Status != BookingStatus.Confirmed || booking.Start != effect.Event.StartInstant))
        {
            return EmailOutcome.Skipped;
        }

        if (kind == NoticeKind.ApprovalPending && booking.Payment is not null)
        {
            kind = NoticeKind.PaymentPending;
        }

        var otherHosts = await reader.OtherHostsAsync(booking, cancellationToken).ConfigureAwait(false);
        var title = await reader.EventTypeTitleAsync(booking, host, cancellationToken).ConfigureAwait(false);
        var notice = Notice(effect, kind.Value, recipient, booking, title, host, otherHosts);
        var message = renderer.Compose(notice, settings.From, effect.Event.OccurredAtInstant);
        await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await ledger.RecordAsync(effect.Event.Host, key, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return EmailOutcome.Sent;
    }

    private static NoticeParty Party(Host host) =>
        new(host.Profile.Name, host.Profile.Email, host.Profile.TimeZone) { Locale = host.Profile.Locale };

    private BookingNotice Notice(EmailEffect effect, NoticeKind kind, NoticeRecipient recipient, Booking booking, string title, Host host, IReadOnlyList<Host> otherHosts)
    {
        var e = effect.Event;
        return new BookingNotice
        {
            Kind = kind,
            Recipient = recipient,
            BookingId = booking.Id.Value,

            // A cancellation is a change of the event too: iTIP wants its SEQUENCE above the last REQUEST's.
            Sequence = kind is NoticeKind.Cancelled or NoticeKind.Declined or NoticeKind.Expired ? e.Sequence + 1 : e.Sequence,
            Host = Party(host),
            OtherHosts = [.. otherHosts.Select(Party)],
            Client = new NoticeParty(booking.Client.Name, booking.Client.Email, booking.Client.TimeZone) { Locale = booking.Client.Locale },
            EventTypeTitle = title,
            Start = e.StartInstant,
            End = e.EndInstant,
            PreviousStart = e.PreviousStartInstant,
            PreviousEnd = e.PreviousEndInstant,
            ManageUrl = recipient == NoticeRecipient.Client && kind is not (NoticeKind.Cancelled or NoticeKind.Declined or NoticeKind.Expired)
                ? settings.ManageUrl(booking.Id, tokens.Issue(booking.Id), booking.Client.Locale)
                : null,
            CancelReason = kind is NoticeKind.Cancelled or NoticeKind.Declined ? booking.CancelReason : null,
            PaymentUrl = kind == NoticeKind.PaymentPending && recipient == NoticeRecipient.Client ? booking.Payment?.CheckoutUrl : null,
            ExpiresAt = kind is NoticeKind.PaymentPending or NoticeKind.ApprovalPending or NoticeKind.Expired ? booking.ExpiresAt : null,
            ApprovalUrl = kind == NoticeKind.ApprovalPending && recipient == NoticeRecipient.Host
                ? settings.ApprovalUrl(booking.Id, tokens.IssueApproval(booking.Id), host.Profile.Locale)
                : null,
            ReminderOffsetMinutes = kind == NoticeKind.Reminder ? effect.ReminderOffsetMinutes : null,
            Notes = booking.Client.Notes,
            Price = booking.Price,
            Location = booking.Location,
            Answers = booking.Client.QuestionAnswers,
            CancelDeadline = booking.ClientPolicy.CancelDeadline(e.StartInstant),
            RescheduleDeadline = booking.ClientPolicy.RescheduleDeadline(e.StartInstant),
        };
    }
}
