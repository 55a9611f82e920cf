using Schedly.Core.Notifications;
using Schedly.Core.Questions;

namespace Schedly.Email.Tests;

/// <summary>The answers to booking questions go to the host, never into the client's email or its invite.</summary>
public sealed class AnswersInEmailTests
{
    private static readonly BookedAnswer[] Answers = [new("topic", "Topic", QuestionType.Select, "Audit", ["audit"])];

    private static EmailMessage Compose(NoticeRecipient recipient) =>
        new BookingEmailRenderer().Compose(Notices.Create(recipient: recipient) with { Answers = Answers }, new EmailAddress("no-reply@schedly.example", "Schedly"), Notices.IssuedAt);

    [Fact]
    public void Compose_HostCopy_ListsEachAnswerWithItsLabel()
    {
        var message = Compose(NoticeRecipient.Host);

        Assert.Contains("Topic: Audit", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Topic: Audit", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit", message.Calendar!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ClientCopy_HasNoAnswersInBodyOrInvite()
    {
        var message = Compose(NoticeRecipient.Client);

        Assert.DoesNotContain("Audit", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit", message.Calendar!.Content, StringComparison.Ordinal);
    }
}
