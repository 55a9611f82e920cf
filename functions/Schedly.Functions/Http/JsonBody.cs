using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Schedly.Functions.Http;

/// <summary>A JSON response written with <see cref="ApiJson"/>.</summary>
public sealed class JsonBody(int statusCode, object body) : ResponseBody(statusCode, JsonContentType)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static JsonBody Ok(object body) => new(StatusCodes.Status200OK, body);

    public static JsonBody Created(object body) => new(StatusCodes.Status201Created, body);

    protected override Task WriteBodyAsync(Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, body, body.GetType(), ApiJson.Options, cancellationToken);
}
