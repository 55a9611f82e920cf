using System.Net;
using System.Text;
using Schedly.Testing;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// A host's own website on another loopback origin (its own port, so another origin than Schedly's): serves one page
/// that loads Schedly's <c>/embed.js</c>, shows the booking page inline and behind a popup button, and records every
/// <c>schedly:*</c> event it receives in <c>window.received</c>.
/// </summary>
public sealed class EmbeddingSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _page;

    public EmbeddingSite(Uri schedly, string bookingPath)
    {
        Port = FreePort.Next();
        Origin = $"http://127.0.0.1:{Port}";
        var url = new Uri(schedly, bookingPath).ToString();
        var script = new Uri(schedly, "/embed.js").ToString();
        _page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ada's practice</title></head>
            <body>
              <h1>Ada's practice</h1>
              <div id="inline" data-schedly-inline data-url="{{url}}" data-title="Book with Ada"></div>
              <button id="open-popup" type="button" data-schedly-popup data-url="{{url}}">Book in a popup</button>
              <script>
                window.received = [];
                for (const type of ["loaded", "timeSelected", "booked", "rescheduled", "cancelled"]) {
                  document.addEventListener("schedly:" + type, (event) => window.received.push({ type, detail: event.detail }));
                }
              </script>
              <script src="{{script}}" data-floating-url="{{url}}" data-floating-label="Book a call" async></script>
            </body></html>
            """;
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string Origin { get; }

    public string PageUrl => Origin + "/";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending GetContextAsync.
        }
        catch (ObjectDisposedException)
        {
            // As above, on some runtimes.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes(_page);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
