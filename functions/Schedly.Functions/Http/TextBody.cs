using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Http;

/// <summary>A 200 text response of a given content type (iCalendar, YAML, …), not cached.</summary>
public sealed class TextBody(string text, string contentType) : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public TextBody WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
