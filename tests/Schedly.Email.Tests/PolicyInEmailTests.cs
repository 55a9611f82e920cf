using NodaTime;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

/// <summary>The client's emails state the change deadlines in the client's zone.</summary>
public sealed class PolicyInEmailTests
{
    [Fact]
    public void Render_ClientCopyWithDeadline_StatesFreeCancellationInClientZone()
    {
        var notice = Notices.Create() with { CancelDeadline = Notices.Start - Duration.FromDays(1) };

        var client = new BookingEmailRenderer().Render(notice);
        var host = new BookingEmailRenderer().Render(notice with { Recipient = NoticeRecipient.Host });

        Assert.Contains("Free cancellation until Sunday 15 March 2026, 10:00 (America/New_York).", client.TextBody, StringComparison.Ordinal);
        Assert.Contains("Free cancellation until", client.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Free cancellation", host.TextBody, StringComparison.Ordinal);
    }
}
