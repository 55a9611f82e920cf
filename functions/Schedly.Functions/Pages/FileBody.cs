using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Schedly.Functions.Pages;

/// <summary>
/// A static file response: content type, cache policy, a weak validator (<c>ETag</c>) and the
/// security headers every page carries. Writes straight to the response, so it behaves the same
/// under the Functions host and the local runner. <c>HEAD</c> gets the headers without the body;
/// a matching <c>If-None-Match</c> gets <c>304</c>.
/// </summary>
public sealed class FileBody(string path, string contentType, string cacheControl) : IActionResult
{
    /// <summary>
    /// Same origin only (images also from https, for the host's profile image): no inline script or style, no framing,
    /// no plugins, no base or form tricks. Pages send no referrer, so a remote image learns nothing of the page.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public string Path => path;

    public string ContentType => contentType;

    public string CacheControl => cacheControl;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var file = new FileInfo(path);
        var etag = string.Create(CultureInfo.InvariantCulture, $"W/\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");

        response.Headers.CacheControl = cacheControl;
        response.Headers.ETag = etag;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";

        if (request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch)
            && ifNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.CopyToAsync(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
