using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

public sealed class BookingEmailRendererTests
{
    private static BookingEmailRenderer CreateSut() => new();

    [Fact]
    public void Render_ClientInNewYork_ShowsNewYorkTimeWithZoneName()
    {
        var email = CreateSut().Render(Notices.Create(recipient: NoticeRecipient.Client));

        const string When = "Monday 16 March 2026, 10:00–10:30 (America/New_York)";
        Assert.Contains(When, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(When, email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("(America/New_York)", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/London", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostInLondon_ShowsLondonTimeWithZoneName()
    {
        var email = CreateSut().Render(Notices.Create(recipient: NoticeRecipient.Host));

        const string When = "Monday 16 March 2026, 14:00–14:30 (Europe/London)";
        Assert.Contains(When, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(When, email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RescheduleAcrossUsDstChange_ShowsOldAndNewLocalTimes()
    {
        var client = CreateSut().Render(Notices.Create(NoticeKind.Rescheduled, NoticeRecipient.Client));
        var host = CreateSut().Render(Notices.Create(NoticeKind.Rescheduled, NoticeRecipient.Host));

        // Same 10:00 on the New York wall clock before and after 8 March, different in London.
        Assert.Contains("Monday 2 March 2026, 10:00–10:30 (America/New_York)", client.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 16 March 2026, 10:00–10:30 (America/New_York)", client.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 2 March 2026, 15:00–15:30 (Europe/London)", host.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 16 March 2026, 14:00–14:30 (Europe/London)", host.TextBody, StringComparison.Ordinal);
    }

    public static TheoryData<NoticeKind, NoticeRecipient> AllNotices()
    {
        var data = new TheoryData<NoticeKind, NoticeRecipient>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var recipient in Enum.GetValues<NoticeRecipient>())
            {
                data.Add(kind, recipient);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllNotices))]
    public void Render_EveryKindAndRecipient_FillsEveryPlaceholder(NoticeKind kind, NoticeRecipient recipient)
    {
        var email = CreateSut().Render(Notices.Create(kind, recipient));

        foreach (var part in new[] { email.Subject, email.HtmlBody, email.TextBody })
        {
            Assert.DoesNotContain("{{", part, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", part, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("Intro call", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("50.00 EUR", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UserSuppliedText_IsEncodedInHtmlAndRawInText()
    {
        var notice = Notices.Create(NoticeKind.Cancelled, NoticeRecipient.Host, clientName: "<script>alert(1)</script>", title: "Q&A <b>")
            with
        { Notes = "<img src=x onerror=alert(2)>", CancelReason = "\"quoted\" <reason>" };

        var email = CreateSut().Render(notice);

        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<reason>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Q&A <b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Q&amp;A &lt;b&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot; &lt;reason&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("\"quoted\" <reason>", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManageLink_ShownToClientOnly()
    {
        var client = CreateSut().Render(Notices.Create(recipient: NoticeRecipient.Client));
        var host = CreateSut().Render(Notices.Create(recipient: NoticeRecipient.Host));

        Assert.Contains("href=\"https://schedly.example/manage/bk_01J9Z?token=abc&amp;x=1\"", client.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://schedly.example/manage/bk_01J9Z?token=abc&x=1", client.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("schedly.example/manage", host.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("schedly.example/manage", host.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FreeBookingWithoutNotes_OmitsPriceAndNotesSections()
    {
        var email = CreateSut().Render(Notices.Create() with { Price = null, Notes = null });

        Assert.DoesNotContain("Price", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Notes", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Price", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatRange_CrossingMidnight_ShowsBothDates()
    {
        var text = BookingEmailRenderer.FormatRange(
            NodaTime.Instant.FromUtc(2026, 12, 1, 4, 30), NodaTime.Instant.FromUtc(2026, 12, 1, 5, 30), Notices.NewYork);

        Assert.Equal("Monday 30 November 2026, 23:30 – Tuesday 1 December 2026, 00:30 (America/New_York)", text);
    }

    [Fact]
    public void Compose_SameNoticeTwice_GivesIdenticalMessages()
    {
        var from = new EmailAddress("no-reply@schedly.example", "Schedly");

        var first = CreateSut().Compose(Notices.Create(), from, Notices.IssuedAt);
        var second = CreateSut().Compose(Notices.Create(), from, Notices.IssuedAt);

        Assert.Equal("bk_01J9Z.created.client.0", first.MessageId);
        Assert.Equal(first, second);
        Assert.Equal("grace@example.com", first.To.Address);
        Assert.Equal("Grace Hopper", first.To.DisplayName);
    }

    [Theory]
    [InlineData(NoticeKind.Created, CalendarAttachment.Request)]
    [InlineData(NoticeKind.Rescheduled, CalendarAttachment.Request)]
    [InlineData(NoticeKind.Cancelled, CalendarAttachment.Cancel)]
    public void Compose_Kind_AttachesInviteWithMatchingMethod(NoticeKind kind, string method)
    {
        var message = CreateSut().Compose(Notices.Create(kind), new EmailAddress("no-reply@schedly.example"), Notices.IssuedAt);

        Assert.NotNull(message.Calendar);
        Assert.Equal(method, message.Calendar.Method);
        Assert.Equal("invite.ics", message.Calendar.FileName);
        Assert.Contains("METHOD:" + method, message.Calendar.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageId_Reminder_IncludesOffset()
    {
        Assert.Equal("bk_01J9Z.reminder.host.0.r60", Notices.Create(NoticeKind.Reminder, NoticeRecipient.Host).MessageId);
    }

    [Fact]
    public void Render_RescheduleWithoutPreviousTime_Throws()
    {
        var notice = Notices.Create(NoticeKind.Rescheduled) with { PreviousStart = null };

        Assert.Throws<ArgumentException>(() => CreateSut().Render(notice));
    }
}
