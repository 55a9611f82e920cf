using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Pages;

/// <summary>
/// A static file response: content type, cache policy, a weak validator (<c>ETag</c>) and the
/// security headers every page carries. Writes straight to the response, so it behaves the same
/// under the Functions host and the local runner. <c>HEAD</c> gets the headers without the body;
/// a matching <c>If-None-Match</c> gets <c>304</c>.
/// </summary>
public sealed class FileBody(string path, string contentType, string cacheControl) : IActionResult
{
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

        PageHeaders.Apply(response, cacheControl, etag);
        if (PageHeaders.IsNotModified(request, etag))
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
