using System.Text;

namespace Schedly.Functions.Http;

/// <summary>A 200 text response of a given content type (iCalendar, an embedded JSON document, …).</summary>
public sealed class TextBody(string text, string contentType) : ResponseBody(200, contentType)
{
    protected override async Task WriteBodyAsync(Stream body, CancellationToken cancellationToken) =>
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
}
