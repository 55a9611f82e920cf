using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Pages;

/// <summary>
/// A page rendered for one request (its language, the host's name in the first HTML): the headers of
/// <see cref="PageHeaders"/>, a weak <c>ETag</c> from the content (so <c>304</c> still works), and
/// <c>Vary: Accept-Language</c> because the language can come from that header. <paramref name="frameAncestors"/>: see
/// <see cref="PageHeaders.Apply"/>.
/// </summary>
public sealed class PageBody(string html, string cacheControl, IReadOnlyList<string>? frameAncestors = null) : IActionResult
{
    public string Html => html;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var bytes = Encoding.UTF8.GetBytes(html);
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";
        PageHeaders.Apply(response, cacheControl, etag, frameAncestors);
        response.Headers.Vary = "Accept-Language";
        if (PageHeaders.IsNotModified(request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
