using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// A bare HTTP/1.1 GET over a socket, so the request target reaches the server byte for byte
/// (HttpClient and Uri would remove dot segments and re-encode the path before sending it).
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Response)> GetAsync(Uri server, string target)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        var statusLine = response.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        Assert.True(parts.Length >= 2 && parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal), $"Not an HTTP response: {statusLine}");
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), response);
    }
}
