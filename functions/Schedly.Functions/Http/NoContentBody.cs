using Microsoft.AspNetCore.Http;

namespace Schedly.Functions.Http;

/// <summary>A 204 without a body, with the headers every <see cref="ResponseBody"/> carries.</summary>
public sealed class NoContentBody() : ResponseBody(StatusCodes.Status204NoContent, "")
{
    protected override Task WriteBodyAsync(Stream body, CancellationToken cancellationToken) => Task.CompletedTask;
}
