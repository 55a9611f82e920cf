using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Http;

/// <summary>
/// A response written straight to <c>HttpResponse</c> (no MVC formatters), so it behaves the same under the
/// Functions host and the local runner: status, content type (none when empty), <c>Cache-Control: no-store</c> unless a
/// header overrides it, <c>X-Content-Type-Options: nosniff</c> (a browser never guesses another type than the one
/// sent), extra headers, then the body.
/// </summary>
public abstract class ResponseBody(int statusCode, string contentType) : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public ResponseBody WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        if (contentType.Length > 0)
        {
            response.ContentType = contentType;
        }

        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        await WriteBodyAsync(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    protected abstract Task WriteBodyAsync(Stream body, CancellationToken cancellationToken);
}
