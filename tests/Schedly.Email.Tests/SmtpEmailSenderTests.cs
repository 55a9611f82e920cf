using MimeKit;

namespace Schedly.Email.Tests;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task SendAsync_FakeServer_DeliversTheMessage()
    {
        using var server = new FakeSmtpServer();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serving = server.ServeOneAsync(timeout.Token);
        var sut = new SmtpEmailSender(new SmtpEmailOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None });
        var message = Notices.Message();

        await sut.SendAsync(message, timeout.Token);
        await serving;

        Assert.Contains("no-reply@schedly.example", server.MailFrom, StringComparison.Ordinal);
        Assert.Contains("grace@example.com", Assert.Single(server.RcptTo), StringComparison.Ordinal);
        Assert.Equal("QUIT", server.Commands[^1]);
        var parsed = MimeMessage.Load(new MemoryStream(server.Data!));
        Assert.Equal(message.Subject, parsed.Subject);
        Assert.Equal("bk_01J9Z.created.client.0@schedly", parsed.MessageId);
        Assert.Equal(message.TextBody.ReplaceLineEndings(), (parsed.TextBody ?? "").ReplaceLineEndings());
        Assert.Equal("invite.ics", Assert.Single(parsed.Attachments).ContentDisposition?.FileName);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsBusyNotFailed()
    {
        int port;
        using (var probe = new FakeSmtpServer())
        {
            port = probe.Port;
        }

        var sut = new SmtpEmailSender(new SmtpEmailOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 5 });

        await Assert.ThrowsAsync<Schedly.Core.Notifications.EmailProviderBusyException>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));
    }

    [Theory]
    [InlineData("451 4.7.1 Try again later", true)]
    [InlineData("421 4.3.2 Service shutting down", true)]
    [InlineData("550 5.7.1 Relaying denied", false)]
    public async Task SendAsync_ServerRefusesTheSender_4yzIsBusy_5yzFails(string reply, bool busy)
    {
        using var server = new FakeSmtpServer { MailFromReply = reply };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var serving = server.ServeOneAsync(timeout.Token);
        var sut = new SmtpEmailSender(new SmtpEmailOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, TimeoutSeconds = 5 });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));

        Assert.IsType(busy ? typeof(Schedly.Core.Notifications.EmailProviderBusyException) : typeof(EmailSendException), exception);
        await serving.WaitAsync(timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
