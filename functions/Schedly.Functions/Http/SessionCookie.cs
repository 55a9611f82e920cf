using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using NodaTime;
using Schedly.Core.Security;

namespace Schedly.Functions.Http;

/// <summary>
/// The dashboard's session cookie: <c>schedly_session</c>, <c>HttpOnly</c> (no script reads it), <c>SameSite=Strict</c>
/// (no other site's page sends it), <c>Path=/api</c>, <c>Secure</c> unless the request came to a loopback host (local
/// runs over plain http), and a <c>Max-Age</c> equal to the session's remaining life. A request authenticated by it that
/// changes something must also carry <see cref="CsrfHeader"/>, which a cross-site form cannot send and a cross-origin
/// script cannot send without a CORS preflight the app never grants, and any <c>Origin</c> it carries must be this
/// app's own.
/// </summary>
public static class SessionCookie
{
    public const string Name = "schedly_session";

    /// <summary>Sent by the dashboard with every session-authenticated request (value <c>1</c>).</summary>
    public const string CsrfHeader = "X-Schedly-Session";

    private const int MaxLength = 200;

    /// <summary>The presented session id, or null.</summary>
    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Cookies[Name];
        return string.IsNullOrEmpty(value) || value.Length > MaxLength ? null : value;
    }

    /// <summary>The <c>Set-Cookie</c> value that stores <paramref name="sessionId"/> until <paramref name="expiresAt"/>.</summary>
    public static string Issue(HttpRequest request, ApiKey sessionId, Instant expiresAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var seconds = Math.Max(0, (long)(expiresAt - now).TotalSeconds);
        return Attributes(request, sessionId.Value, seconds);
    }

    /// <summary>The <c>Set-Cookie</c> value that removes the cookie.</summary>
    public static string Clear(HttpRequest request) => Attributes(request, "", 0);

    /// <summary>
    /// Null when a session-authenticated request may go ahead; otherwise why not. Safe methods always may; others need
    /// <see cref="CsrfHeader"/> and, when the browser sent an <c>Origin</c>, this app's own.
    /// </summary>
    public static string? CrossSiteRefusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        if (request.Headers[CsrfHeader].ToString() != "1")
        {
            return $"A change made with the session cookie needs the '{CsrfHeader}: 1' header.";
        }

        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host.Value}";
        return origin.Length == 0 || string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            ? null
            : "A change made with the session cookie must come from this site.";
    }

    /// <summary>True when the request reached a loopback host name or address (local runs, tests).</summary>
    public static bool IsLoopback(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.Host.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static string Attributes(HttpRequest request, string value, long maxAgeSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}={value}; Path=/api; Max-Age={maxAgeSeconds}; HttpOnly; SameSite=Strict")
        + (IsLoopback(request) ? "" : "; Secure");
}
