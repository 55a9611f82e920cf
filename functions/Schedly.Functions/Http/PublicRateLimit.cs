using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Schedly.Core.Abuse;
using Schedly.Core.Hosts;

namespace Schedly.Functions.Http;

/// <summary>
/// The preamble of every rate-limited public route: reads the client address (<see cref="ClientAddressOf"/>) and asks
/// <see cref="RateLimiter"/>, so each function starts from an allowed request or the 429 <c>rate-limited</c> problem
/// (with <c>Retry-After</c>) to answer.
/// </summary>
public sealed class PublicRateLimit(RateLimiter limiter, RateLimitOptions options)
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>Null when the request may go ahead (it has been counted), otherwise the 429 problem.</summary>
    public Task<Problem?> CheckAsync(HttpRequest request, RateLimitedAction action, HostSlug? host, CancellationToken cancellationToken) =>
        CheckAddresseeAsync(request, action, host?.Value, cancellationToken);

    /// <summary>As for a host, spending <paramref name="addressee"/>'s budget (a team's: <c>team.{slug}</c>).</summary>
    public async Task<Problem?> CheckAddresseeAsync(HttpRequest request, RateLimitedAction action, string? addressee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await limiter.CheckAddresseeAsync(action, ClientAddressOf(request), addressee, cancellationToken).ConfigureAwait(false);
        return decision switch
        {
            RateLimitDecision.Allowed => null,
            RateLimitDecision.Limited limited => Problem.RateLimited(
                limited.Scope == RateLimitScope.Client
                    ? "Too many requests from your address. Wait for the time in Retry-After, then try again."
                    : "This host is receiving too many requests right now. Wait for the time in Retry-After, then try again.",
                (int)limited.RetryAfter.TotalSeconds),
            _ => throw new InvalidOperationException($"Unexpected decision {decision.GetType().Name}."),
        };
    }

    /// <summary>
    /// The connection's remote address; behind a trusted proxy (<see cref="RateLimitOptions.TrustForwardedFor"/>) the
    /// last <c>X-Forwarded-For</c> entry (that proxy's own, with any <c>:port</c> removed), falling back to the
    /// connection's address when the header is missing or unreadable.
    /// </summary>
    public ClientAddress ClientAddressOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.TrustForwardedFor && LastForwarded(request.Headers[ForwardedForHeader].ToString()) is { } forwarded)
        {
            return ClientAddress.From(forwarded);
        }

        return ClientAddress.From(request.HttpContext.Connection.RemoteIpAddress);
    }

    private static IPAddress? LastForwarded(string header)
    {
        var last = header.Split(',').LastOrDefault()?.Trim();
        if (string.IsNullOrEmpty(last))
        {
            return null;
        }

        if (IPAddress.TryParse(last, out var address))
        {
            return address;
        }

        // IPv4 with a port (203.0.113.7:51234), as the Azure front end writes it, or [IPv6]:port.
        var colon = last.LastIndexOf(':');
        var host = colon > 0 ? last[..colon].Trim('[', ']') : last;
        return colon > 0 && int.TryParse(last[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && IPAddress.TryParse(host, out address) ? address : null;
    }
}
