using System.Text.Json;
using System.Text.Json.Serialization;
using Schedly.Core.Validation;

namespace Schedly.Functions.Http;

/// <summary>An <c>application/problem+json</c> response (RFC 9457).</summary>
public sealed class Problem : ResponseBody
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    private readonly ProblemDocument _document;

    public Problem(ProblemKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(kind.Status, ContentType)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _document = new ProblemDocument(kind.Type, kind.Title, kind.Status, detail, errors);
        if (kind == ProblemKind.Unauthorized)
        {
            WithHeader("WWW-Authenticate", "Bearer");
        }
    }

    protected override Task WriteBodyAsync(Stream body, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(body, _document, ApiJson.Options, cancellationToken);

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

    public static Problem PaymentUnavailable() =>
        WithRetryAfter(new(ProblemKind.PaymentUnavailable, "The payment provider is not configured or did not answer. Nothing was booked or charged; retry shortly."), seconds: 30);

    public static Problem StorageUnavailable() =>
        WithRetryAfter(new(ProblemKind.StorageUnavailable, "Storage did not answer. Nothing was changed; retry in a few seconds."), seconds: 5);

    /// <summary>429 <c>rate-limited</c> with <c>Retry-After</c> in whole seconds.</summary>
    public static Problem RateLimited(string detail, int retryAfterSeconds) =>
        WithRetryAfter(new(ProblemKind.RateLimited, detail), retryAfterSeconds);

    public static Problem Internal() =>
        new(ProblemKind.Internal, "An unexpected error occurred. It has been logged.");

    private static Problem WithRetryAfter(Problem problem, int seconds)
    {
        problem.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return problem;
    }

    private sealed record ProblemDocument(
        string Type,
        string Title,
        int Status,
        string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors);
}
