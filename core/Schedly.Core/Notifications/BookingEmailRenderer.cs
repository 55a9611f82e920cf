using System.Globalization;
using NodaTime;
using Schedly.Core.Localization;

namespace Schedly.Core.Notifications;

/// <summary>The three parts of a rendered email.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// Renders booking emails in the recipient's language (its <see cref="NoticeParty.Locale"/>): the words come from the
/// message catalog (<c>email.*</c>), the layout from the templates in <c>Notifications/Templates</c>:
/// <c>{Kind}.html</c> and <c>{Kind}.txt</c> inside <c>Layout.*</c>, with optional sections (details, location, price,
/// notes, the answers to the booking questions (host's copy only), manage link, cancel reason, a collective booking's
/// other members (host's copy only)) from their own fragment templates. The client's copy of a collective booking
/// names every host (<see cref="BookingNotice.Counterparts"/>) as a list in the language (<see cref="CatalogLists"/>). Times are shown in the recipient's zone with the zone's
/// id, e.g. <c>Tuesday 1 December 2026, 09:00–09:30 (America/New_York)</c>. User text is HTML-encoded in the HTML part.
/// </summary>
public sealed class BookingEmailRenderer(EmailTemplates templates)
{
    /// <summary>The file name of the invite attached to booking emails.</summary>
    public const string InviteFileName = "invite.ics";

    public BookingEmailRenderer()
        : this(EmailTemplates.Embedded)
    {
    }

    public RenderedEmail Render(BookingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        notice.Check();
        var catalog = MessageCatalogs.For(notice.RecipientParty.Locale);
        var values = Values(notice, catalog);
        var kind = notice.Kind.ToString();
        var subject = OneLine(catalog.Text($"email.{kind.ToLowerInvariant()}.subject", values));
        values["subject"] = subject;
        return new RenderedEmail(
            subject,
            RenderPart(notice, kind, values, ".html"),
            CollapseBlankLines(RenderPart(notice, kind, values, ".txt")));
    }

    /// <summary>
    /// Renders the notice into a message from <paramref name="from"/> to the recipient, with an invite
    /// (METHOD:REQUEST for created, rescheduled and reminder notices; METHOD:CANCEL for cancellations).
    /// <paramref name="issuedAt"/> becomes the invite's DTSTAMP: pass the time of the event being announced so that a
    /// redelivered message renders byte for byte the same.
    /// </summary>
    public EmailMessage Compose(BookingNotice notice, EmailAddress from, Instant issuedAt)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(from);
        var rendered = Render(notice);
        var calendar = BookingCalendar.Create(BookingCalendarEvent.From(notice, issuedAt));
        return new EmailMessage
        {
            MessageId = notice.MessageId,
            From = from,
            To = new EmailAddress(notice.RecipientParty.Email, notice.RecipientParty.Name),
            Subject = rendered.Subject,
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            Calendar = new CalendarAttachment(
                InviteFileName,
                notice.EndsBooking ? CalendarAttachment.Cancel : CalendarAttachment.Request,
                calendar),
        };
    }

    /// <summary>
    /// A time range in <paramref name="zone"/> with the zone's id, in English: <c>Tuesday 1 December 2026, 09:00–09:30
    /// (America/New_York)</c>, or both dates when the range crosses midnight there.
    /// </summary>
    public static string FormatRange(Instant start, Instant end, DateTimeZone zone) =>
        FormatRange(start, end, zone, MessageCatalogs.For(SupportedLocales.Default));

    /// <summary>A time range in <paramref name="zone"/> with the zone's id, dates in <paramref name="catalog"/>'s language.</summary>
    public static string FormatRange(Instant start, Instant end, DateTimeZone zone, MessageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var dates = new CatalogDates(catalog);
        var from = start.InZone(zone);
        var to = end.InZone(zone);
        return from.Date == to.Date
            ? $"{dates.LongDate(from.Date)}, {CatalogDates.Time(from.TimeOfDay)}–{CatalogDates.Time(to.TimeOfDay)} ({zone.Id})"
            : $"{dates.LongDate(from.Date)}, {CatalogDates.Time(from.TimeOfDay)} – {dates.LongDate(to.Date)}, {CatalogDates.Time(to.TimeOfDay)} ({zone.Id})";
    }

    private string RenderPart(BookingNotice notice, string kind, Dictionary<string, string> values, string extension)
    {
        var fragments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["price"] = notice.Price is null ? "" : templates.Get("Price" + extension).Render(values),
            ["location"] = notice.Location is null
                ? ""
                : templates.Get((notice.Location.Url is null ? "Location" : "LocationLink") + extension).Render(values),
            ["policy"] = notice.Recipient == NoticeRecipient.Client && !notice.EndsBooking && values["policy"].Length > 0
                ? templates.Get("Policy" + extension).Render(values)
                : "",
            ["answers"] = notice.Recipient == NoticeRecipient.Host && notice.Answers.Count > 0
                ? templates.Get("Answers" + extension).Render(values)
                : "",
            ["notes"] = string.IsNullOrWhiteSpace(notice.Notes) ? "" : templates.Get("Notes" + extension).Render(values),
            ["reason"] = string.IsNullOrWhiteSpace(notice.CancelReason) ? "" : templates.Get("Reason" + extension).Render(values),
            ["manage"] = notice.Recipient == NoticeRecipient.Client && notice.ManageUrl is not null
                && !notice.EndsBooking
                ? templates.Get("Manage" + extension).Render(values)
                : "",
            ["pay"] = notice.Recipient == NoticeRecipient.Client && notice.PaymentUrl is not null
                ? templates.Get("Pay" + extension).Render(values)
                : "",
            ["approve"] = notice.Recipient == NoticeRecipient.Host && notice.ApprovalUrl is not null
                ? templates.Get("Approve" + extension).Render(values)
                : "",
        };
        fragments["with"] = string.Join(
            extension == ".html" ? "<br>" : ", ",
            notice.Counterparts.Select(p => templates.Get("Person" + extension).Render(new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = p.Name, ["email"] = p.Email })));
        fragments["team"] = notice.Recipient == NoticeRecipient.Host && notice.OtherHosts.Count > 0 ? templates.Get("Team" + extension).Render(values) : "";
        fragments["details"] = templates.Get("Details" + extension).Render(values, fragments);
        fragments["body"] = templates.Get(kind + extension).Render(values, fragments);
        return templates.Get("Layout" + extension).Render(values, fragments);
    }

    private static Dictionary<string, string> Values(BookingNotice notice, MessageCatalog catalog)
    {
        var zone = notice.RecipientParty.Zone;
        var start = notice.Start.InZone(zone);
        var dates = new CatalogDates(catalog);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lang"] = catalog.Locale,
            ["dir"] = SupportedLocales.Direction(catalog.Locale),
            ["recipientName"] = notice.RecipientParty.Name,
            ["counterpartName"] = new CatalogLists(catalog).And([.. notice.Counterparts.Select(p => p.Name)]),
            ["otherHosts"] = new CatalogLists(catalog).And([.. notice.OtherHosts.Select(p => p.Name)]),
            ["hostName"] = notice.Host.Name,
            ["clientName"] = notice.Client.Name,
            ["title"] = notice.EventTypeTitle,
            ["zone"] = zone.Id,
            ["when"] = FormatRange(notice.Start, notice.End, zone, catalog),
            ["whenShort"] = $"{dates.ShortDate(start.Date)} {CatalogDates.Time(start.TimeOfDay)} ({zone.Id})",
            ["previousWhen"] = notice.PreviousStart is { } previousStart && notice.PreviousEnd is { } previousEnd
                ? FormatRange(previousStart, previousEnd, zone, catalog)
                : "",
            ["length"] = catalog.Plural("email.minutes", (long)(notice.End - notice.Start).TotalMinutes),
            ["manageUrl"] = notice.ManageUrl?.AbsoluteUri ?? "",
            ["paymentUrl"] = notice.PaymentUrl?.AbsoluteUri ?? "",
            ["approvalUrl"] = notice.ApprovalUrl?.AbsoluteUri ?? "",
            ["expiresAt"] = notice.ExpiresAt is { } expiresAt
                ? $"{dates.LongDate(expiresAt.InZone(zone).Date)}, {CatalogDates.Time(expiresAt.InZone(zone).TimeOfDay)} ({zone.Id})"
                : "",
            ["reason"] = notice.CancelReason?.Trim() ?? "",
            ["notes"] = notice.Notes?.Trim() ?? "",
            ["location"] = notice.Location?.Display ?? "",
            ["locationUrl"] = notice.Location?.Url?.AbsoluteUri ?? "",
            ["answers"] = string.Join('\n', notice.Answers.Select(a => $"{a.Label}: {a.Value}")),
            ["policy"] = PolicyText(notice, zone, catalog),
            ["price"] = notice.Price is { } price
                ? $"{price.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {price.Currency}"
                : "",
        };
        var kind = notice.Kind.ToString().ToLowerInvariant();
        values["heading"] = catalog.Text($"email.{kind}.heading", values);
        values["lead"] = catalog.Text($"email.{kind}.lead", values);
        values["greeting"] = catalog.Text("email.greeting", values);
        values["teamNote"] = catalog.Text("email.team.withOthers", new Dictionary<string, string>(StringComparer.Ordinal) { ["others"] = values["otherHosts"] });
        values["footer"] = catalog.Text("email.footer", values);
        values["labelWas"] = catalog.Text("email.rescheduled.was");
        values["labelManage"] = catalog.Text("email.manage");
        values["labelPay"] = catalog.Text("email.pay");
        values["labelApprove"] = catalog.Text("email.approve");
        foreach (var label in Labels)
        {
            values["label" + char.ToUpperInvariant(label[0]) + label[1..]] = catalog.Text("email.label." + label);
        }

        return values;
    }

    /// <summary>The row and section labels: <c>email.label.what</c> fills <c>{{labelWhat}}</c>.</summary>
    private static readonly string[] Labels = ["what", "when", "length", "where", "with", "price", "notes", "answers", "reason"];

    /// <summary>"Free cancellation until …; rescheduling until …" in the recipient's zone and language; "" when the booking has no deadlines.</summary>
    private static string PolicyText(BookingNotice notice, DateTimeZone zone, MessageCatalog catalog)
    {
        var dates = new CatalogDates(catalog);
        Dictionary<string, string> At(Instant deadline)
        {
            var local = deadline.InZone(zone);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["when"] = $"{dates.LongDate(local.Date)}, {CatalogDates.Time(local.TimeOfDay)} ({zone.Id})",
            };
        }

        var parts = new List<string>();
        if (notice.CancelDeadline is { } cancel)
        {
            parts.Add(catalog.Text("email.policy.cancelUntil", At(cancel)));
        }

        if (notice.RescheduleDeadline is { } reschedule)
        {
            parts.Add(catalog.Text("email.policy.rescheduleUntil", At(reschedule)));
        }

        return string.Join(' ', parts);
    }

    /// <summary>Optional sections leave blank lines behind in plain text; keep at most one in a row.</summary>
    private static string CollapseBlankLines(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (line.Length == 0 && kept.Count > 0 && kept[^1].Length == 0)
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
