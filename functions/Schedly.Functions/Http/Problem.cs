using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Schedly.Core.Validation;

namespace Schedly.Functions.Http;

/// <summary>An <c>application/problem+json</c> response (RFC 9457).</summary>
public sealed class Problem(ProblemKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) : IActionResult
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public ProblemKind Kind => kind;

    public string Detail => detail;

    public IReadOnlyDictionary<string, string[]>? Errors => errors;

    /// <summary>Seconds the client should wait before retrying, sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = kind.Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        if (kind == ProblemKind.Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new ProblemDocument(kind.Type, kind.Title, kind.Status, detail, errors);
        await JsonSerializer.SerializeAsync(response.Body, body, ApiJson.Options, context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
    }

    public static Problem Validation(ValidationErrors errors, string detail = "One or more fields are not valid; see errors.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(ProblemKind.Validation, detail, errors.ToDictionary());
    }

    public static Problem Validation(string field, string message) =>
        Validation(ValidationErrors.Single(field, message));

    public static Problem NotFound(string detail) => new(ProblemKind.NotFound, detail);

    public static Problem Unauthorized(string detail = "Send 'Authorization: Bearer <key>' with a valid key.") =>
        new(ProblemKind.Unauthorized, detail);

    public static Problem Forbidden(string detail) => new(ProblemKind.Forbidden, detail);

    public static Problem StorageUnavailable() =>
        new(ProblemKind.StorageUnavailable, "Storage did not answer. Nothing was changed; retry in a few seconds.") { RetryAfterSeconds = 5 };

    public static Problem Internal() =>
        new(ProblemKind.Internal, "An unexpected error occurred. It has been logged.");

    private sealed record ProblemDocument(
        string Type,
        string Title,
        int Status,
        string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors);
}
