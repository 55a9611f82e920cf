using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Schedly.Functions.Pages;

/// <summary>The headers every page and asset carries (cache policy, validator, security) and the <c>304</c> check.</summary>
public static class PageHeaders
{
    /// <summary>
    /// Same origin only (images also from https, for the host's profile image): no inline script or style, no framing,
    /// no plugins, no base or form tricks. Pages send no referrer, so a remote image learns nothing of the page.
    /// </summary>
    public const string ContentSecurityPolicy = PolicyBeforeFraming + "frame-ancestors 'none'";

    private const string PolicyBeforeFraming =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

    /// <summary>
    /// The headers; <paramref name="frameAncestors"/> null refuses all framing (<c>frame-ancestors 'none'</c>,
    /// <c>X-Frame-Options: DENY</c>), else the pages may be framed by themselves and by those origins only (the host's
    /// embed allow-list, already validated as bare origins).
    /// </summary>
    public static void Apply(HttpResponse response, string cacheControl, string etag, IReadOnlyList<string>? frameAncestors = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = cacheControl;
        response.Headers.ETag = etag;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (frameAncestors is null)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XFrameOptions = "DENY";
            return;
        }

        response.Headers.ContentSecurityPolicy = PolicyBeforeFraming + string.Join(' ', ["frame-ancestors 'self'", .. frameAncestors]);

        // X-Frame-Options cannot name other origins; with none allowed it says the same as the policy.
        if (frameAncestors.Count == 0)
        {
            response.Headers.XFrameOptions = "SAMEORIGIN";
        }
    }

    /// <summary>True when the request's <c>If-None-Match</c> names <paramref name="etag"/> (or <c>*</c>).</summary>
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch)
            && ifNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*"));
    }
}
