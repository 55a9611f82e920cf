using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Schedly.Functions.Http;

/// <summary>
/// Reads a JSON request body into a request DTO. Enforces the content type and the 64 KB body
/// limit, and turns every parse failure into a problem that names the offending field.
/// </summary>
public static class JsonRequest
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Like <see cref="ReadAsync{T}"/>, but an empty body (with or without a content type) reads as
    /// <paramref name="empty"/>: for actions whose body is optional, such as a cancel with no reason.
    /// </summary>
    public static async Task<BodyRead<T>> ReadOptionalAsync<T>(HttpRequest request, T empty, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            var bytes = await LimitedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is { Length: 0 })
            {
                return new BodyRead<T>(empty, null, bytes);
            }

            if (bytes is null)
            {
                return TooLarge();
            }

            return new Problem(ProblemKind.UnsupportedMediaType, "Send the body as JSON with 'Content-Type: application/json'.");
        }

        return await ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJsonContentType(request.ContentType))
        {
            return new Problem(ProblemKind.UnsupportedMediaType, "Send the body as JSON with 'Content-Type: application/json'.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var bytes = await LimitedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge();
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return new Problem(ProblemKind.MalformedJson, "The request body is empty; send a JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = ApiJson.Options.MaxDepth });
        }
        catch (JsonException e)
        {
            return new Problem(ProblemKind.MalformedJson, $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problem.Validation("$", "The request body must be a JSON object.");
            }

            try
            {
                return new BodyRead<T>(document.RootElement.Deserialize<T>(ApiJson.Options)!, null, bytes);
            }
            catch (JsonException e)
            {
                var field = JsonPathToField(e.Path);
                return Problem.Validation(field.Length == 0 ? "$" : field, "Has the wrong type or format.");
            }
        }
    }

    private static Problem TooLarge() =>
        new(ProblemKind.PayloadTooLarge, $"The request body must be at most {MaxBodyBytes / 1024} KB.");

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Turns System.Text.Json's <c>$.answers['x']</c> into <c>answers.x</c>.</summary>
    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        return path.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal)
            .Replace("']", "", StringComparison.Ordinal);
    }
}

/// <summary>A parsed body, or the problem response explaining why it could not be parsed.</summary>
public readonly struct BodyRead<T>
    where T : class
{
    internal BodyRead(T? value, IActionResult? problem, byte[]? bytes)
    {
        Value = value;
        Problem = problem;
        Bytes = bytes ?? [];
    }

    public T? Value { get; }

    public IActionResult? Problem { get; }

    /// <summary>The raw body as received (for request hashing).</summary>
    public byte[] Bytes { get; }

    public static implicit operator BodyRead<T>(Problem problem) => new(null, problem, null);
}
