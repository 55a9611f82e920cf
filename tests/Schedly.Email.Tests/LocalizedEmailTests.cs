using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

/// <summary>Each recipient reads the email, and its invite, in their own language.</summary>
public class LocalizedEmailTests
{
    private static BookingNotice Notice(NoticeKind kind, NoticeRecipient recipient, string clientLocale, string hostLocale = "en")
    {
        var notice = Notices.Create(kind, recipient);
        return notice with
        {
            Client = new NoticeParty(notice.Client.Name, notice.Client.Email, notice.Client.Zone) { Locale = clientLocale },
            Host = new NoticeParty(notice.Host.Name, notice.Host.Email, notice.Host.Zone) { Locale = hostLocale },
        };
    }

    [Fact]
    public void Render_GermanClient_WritesGermanWordsDatesAndPlurals()
    {
        var email = new BookingEmailRenderer().Render(Notice(NoticeKind.Created, NoticeRecipient.Client, "de"));

        Assert.Equal("Bestätigt: Intro call mit Ada Lovelace, Mo., 16. März 2026 10:00 (America/New_York)", email.Subject);
        Assert.Contains("Hallo Grace Hopper,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wann: Montag, 16. März 2026, 10:00–10:30 (America/New_York)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dauer: 30 Minuten", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ArabicClient_IsRightToLeftWithArabicPlural()
    {
        var email = new BookingEmailRenderer().Render(Notice(NoticeKind.Reminder, NoticeRecipient.Client, "ar"));

        Assert.StartsWith("تذكير: Intro call مع Ada Lovelace", email.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("الاثنين، 16 مارس 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("المدة: 30 دقيقة", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FrenchClientGermanHost_EachInTheirOwnLanguage()
    {
        var client = new BookingEmailRenderer().Render(Notice(NoticeKind.Cancelled, NoticeRecipient.Client, "fr", "de"));
        var host = new BookingEmailRenderer().Render(Notice(NoticeKind.Cancelled, NoticeRecipient.Host, "fr", "de"));

        Assert.StartsWith("Annulé : Intro call avec Ada Lovelace", client.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif:\nSomething came up", client.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Abgesagt: Intro call mit Grace Hopper", host.Subject, StringComparison.Ordinal);
        Assert.Contains("Montag, 16. März 2026, 14:00–14:30 (Europe/London)", host.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SpanishClient_InviteTitledWithTheHostInSpanish()
    {
        var message = new BookingEmailRenderer().Compose(
            Notice(NoticeKind.Created, NoticeRecipient.Client, "es"), new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);

        Assert.NotNull(message.Calendar);
        Assert.Contains("SUMMARY:Intro call con Ada Lovelace", message.Calendar.Content, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Cambiar o cancelar: https://", message.Calendar.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EnglishHost_InviteTitledWithTheClient()
    {
        var message = new BookingEmailRenderer().Compose(
            Notice(NoticeKind.Created, NoticeRecipient.Host, "es"), new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);

        Assert.Contains("SUMMARY:Intro call with Grace Hopper", message.Calendar!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void ManageUrl_NonEnglishBooking_OpensThePageInItsLanguage()
    {
        var settings = new NotificationSettings(new EmailAddress("no-reply@schedly.example", "Schedly"), new Uri("https://schedly.example/"));
        var id = Core.Bookings.BookingId.New(Core.Hosts.HostSlug.TryParse("ada", out var host) ? host : throw new InvalidOperationException());
        var token = Core.Security.ApiKey.Generate();

        Assert.StartsWith("https://schedly.example/manage?lang=pt-BR#id=", settings.ManageUrl(id, token, "pt-br").AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("lang", settings.ManageUrl(id, token, "en").AbsoluteUri, StringComparison.Ordinal);
    }
}
