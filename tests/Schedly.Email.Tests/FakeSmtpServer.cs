using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Schedly.Email.Tests;

/// <summary>
/// Just enough SMTP on loopback for one client: 220 greeting, EHLO/HELO 250, MAIL/RCPT 250, DATA 354 … "." 250,
/// RSET/NOOP 250, QUIT 221. Records the envelope and the message data (dot-unstuffed).
/// </summary>
internal sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string? MailFrom { get; private set; }

    public List<string> RcptTo { get; } = [];

    public List<string> Commands { get; } = [];

    public byte[]? Data { get; private set; }

    /// <summary>The reply to MAIL FROM: "250 OK" unless a test makes the server refuse (451 busy, 550 rejected).</summary>
    public string MailFromReply { get; init; } = "250 OK";

    public void Dispose() => _listener.Stop();

    /// <summary>Serves one connection until QUIT or disconnect.</summary>
    public async Task ServeOneAsync(CancellationToken ct)
    {
        using var client = await _listener.AcceptTcpClientAsync(ct);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp ESMTP ready");
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            Commands.Add(line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 fake.smtp");
                    break;
                case "MAIL":
                    MailFrom = line;
                    await writer.WriteLineAsync(MailFromReply);
                    break;
                case "RCPT":
                    RcptTo.Add(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Data = Encoding.Latin1.GetBytes(data.ToString());
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync(verb is "RSET" or "NOOP" ? "250 OK" : "502 Command not implemented");
                    break;
            }
        }
    }
}
