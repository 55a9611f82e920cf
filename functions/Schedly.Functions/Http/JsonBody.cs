using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Http;

/// <summary>
/// A JSON response written with <see cref="ApiJson"/>. Writes straight to the response so it
/// behaves the same under the Functions host and the local runner (no MVC formatters involved).
/// </summary>
public sealed class JsonBody(int statusCode, object body, string contentType = JsonBody.JsonContentType) : IActionResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public int StatusCode => statusCode;

    public object Body => body;

    public JsonBody WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
    }

    public static JsonBody Ok(object body) => new(StatusCodes.Status200OK, body);

    public static JsonBody Created(object body) => new(StatusCodes.Status201Created, body);
}
