namespace Schedly.Functions.Http;

/// <summary>A 200 response of raw bytes of a given content type (a host's photo).</summary>
public sealed class BytesBody(byte[] bytes, string contentType) : ResponseBody(200, contentType)
{
    protected override async Task WriteBodyAsync(Stream body, CancellationToken cancellationToken) =>
        await body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
}
