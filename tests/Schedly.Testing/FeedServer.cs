using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schedly.Testing;

/// <summary>
/// An iCalendar feed server for tests: Kestrel on 127.0.0.1 with a free port. <c>/normal.ics</c> serves
/// <see cref="Calendar"/> with an ETag (a matching <c>If-None-Match</c> gets 304); the hostile ones answer 500
/// (<c>/error.ics</c>), never in time (<c>/slow.ics</c>), more than <see cref="HugeBytes"/> (<c>/huge.ics</c>), a small
/// gzip body that inflates to 64 MB (<c>/bomb.ics</c>), a redirect to the private address 10.0.0.1
/// (<c>/private.ics</c>), an endless redirect loop (<c>/loop.ics</c>) and an HTML sign-in page (<c>/garbage.ics</c>).
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    public const long HugeBytes = 6 * 1024 * 1024;

    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    });

    private readonly WebApplication _app;
    private int _requests;
    private int _notModified;

    private FeedServer(WebApplication app) => _app = app;

    /// <summary>The body of <c>/normal.ics</c>; change it to publish a new version (a new ETag).</summary>
    public string Calendar { get; set; } = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nEND:VCALENDAR\r\n";

    /// <summary>Requests to <c>/normal.ics</c>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests to <c>/normal.ics</c> answered 304.</summary>
    public int NotModified => Volatile.Read(ref _notModified);

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Uri Url(string path) => new(BaseUrl, path);

    public static async Task<FeedServer> StartAsync()
    {
        _ = Bomb.Value; // built before any fetch's timeout starts
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/normal.ics", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._requests);
            var body = server.Calendar;
            var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))[..16] + "\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref server._notModified);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.Text(body, "text/calendar; charset=utf-8");
        });
        app.MapGet("/error.ics", () => Results.StatusCode(500));
        app.MapGet("/slow.ics", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
            return Results.Text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar");
        });
        app.MapGet("/huge.ics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/calendar";
            var line = System.Text.Encoding.ASCII.GetBytes("X-FILLER:" + new string('x', 1000) + "\r\n");
            await context.Response.Body.WriteAsync(System.Text.Encoding.ASCII.GetBytes("BEGIN:VCALENDAR\r\n"), context.RequestAborted);
            for (long sent = 0; sent <= HugeBytes; sent += line.Length)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
            }
        });
        app.MapGet("/bomb.ics", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(Bomb.Value, "text/calendar");
        });
        app.MapGet("/private.ics", () => Results.Redirect("http://10.0.0.1/feed.ics"));
        app.MapGet("/loop.ics", () => Results.Redirect("/loop.ics"));
        app.MapGet("/garbage.ics", () => Results.Text("<html><body>Please sign in</body></html>", "text/html"));
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
