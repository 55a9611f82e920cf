using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Schedly.Functions.Http;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c>. Anything else reads as no token.</summary>
public static class BearerToken
{
    private const int MaxLength = 512;

    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (header.Length <= scheme.Length || header.Length > MaxLength
            || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? null : token;
    }
}
