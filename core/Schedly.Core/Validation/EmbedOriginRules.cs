namespace Schedly.Core.Validation;

/// <summary>
/// The sites a host lets embed its booking pages, as web origins (<c>https://example.com</c>,
/// <c>https://www.example.com:8443</c>): scheme, host and port only (a trailing slash is dropped), no path, query or fragment; https, or http for
/// loopback (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>) while developing. At most <see cref="MaxOrigins"/>,
/// stored lower-case without a default port and without duplicates.
/// </summary>
public static class EmbedOriginRules
{
    public const int MaxOrigins = 20;

    public static IReadOnlyList<string>? Optional(IReadOnlyList<string?>? values, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (values is null)
        {
            return [];
        }

        if (values.Count > MaxOrigins)
        {
            errors.Add(field, $"At most {MaxOrigins} origins.");
            return null;
        }

        var origins = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (Normalize(values[i]) is { } origin)
            {
                if (!origins.Contains(origin, StringComparer.Ordinal))
                {
                    origins.Add(origin);
                }
            }
            else
            {
                errors.Add($"{field}[{i}]", "An origin such as \"https://example.com\": https (http only for localhost), no path.");
            }
        }

        return errors.IsEmpty ? origins : null;
    }

    /// <summary>The origin in its canonical form, or null when <paramref name="value"/> is not an allowed origin.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200 || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var loopback = uri.IsLoopback && (uri.Host is "localhost" or "127.0.0.1" or "[::1]");
        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loopback);
        if (!schemeAllowed || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || value.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }
}
