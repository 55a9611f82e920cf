using MailKit.Net.Smtp;
using MailKit.Security;
using Schedly.Core.Notifications;

namespace Schedly.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection (local relays and test servers only).</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Sends through an SMTP server with MailKit: one connection per message.</summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpEmailOptions _options;
    private readonly MimeMessageBuilder _builder;

    public SmtpEmailSender(SmtpEmailOptions options, MimeMessageBuilder? builder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate("Smtp");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _builder = builder ?? new MimeMessageBuilder();
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = _builder.Build(message);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            var security = _options.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(_options.Host, _options.Port, security, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct).ConfigureAwait(false);
            }

            await client.SendAsync(mime, ct).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode is >= 400 and < 500)
        {
            // 4yz is SMTP's "try again later" (421 closing, 450/451/452 busy or out of resources).
            throw new EmailProviderBusyException($"SMTP server {_options.Host}:{_options.Port} is busy: {(int)exception.StatusCode}.", null, exception);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or TimeoutException
            || (exception is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new EmailProviderBusyException($"SMTP server {_options.Host}:{_options.Port} did not answer: {exception.GetType().Name}.", null, exception);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException)
        {
            throw new EmailSendException($"SMTP send to {_options.Host}:{_options.Port} failed: {exception.GetType().Name}.", exception);
        }
    }
}
