namespace Schedly.Core.Notifications;

/// <summary>
/// Sends one email. Implementations are idempotent per <see cref="EmailMessage.MessageId"/> as far as their
/// transport allows (a pickup folder writes one file per id; ACS gets an operation id derived from it; SMTP carries
/// it as the Message-Id header). A failure throws, so that the queue delivering the message retries it later.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
