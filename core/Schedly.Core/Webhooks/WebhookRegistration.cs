namespace Schedly.Core.Webhooks;

/// <summary>
/// Whether a host may register (or replace) the endpoint <c>id</c> at <c>url</c>, given its other endpoints: at most
/// <c>maxPerHost</c> endpoints, and no URL twice (each event would be delivered twice to the same receiver). URLs
/// are compared as absolute URIs (scheme and host ignoring case, default port dropped), so
/// <c>HTTPS://Example.com:443/hook</c> and <c>https://example.com/hook</c> are the same.
/// </summary>
public static class WebhookRegistration
{
    public static WebhookRegistrationResult Check(IReadOnlyList<WebhookEndpoint> endpoints, string id, Uri url, int maxPerHost)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(url);
        var others = endpoints.Where(e => !string.Equals(e.Id, id, StringComparison.Ordinal)).ToList();
        if (others.FirstOrDefault(e => string.Equals(e.Url.AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal)) is { } same)
        {
            return new WebhookRegistrationResult.DuplicateUrl(same.Id);
        }

        return others.Count >= maxPerHost && others.Count == endpoints.Count
            ? new WebhookRegistrationResult.CapReached(maxPerHost)
            : WebhookRegistrationResult.Allowed.Instance;
    }
}

/// <summary>The closed outcomes of <see cref="WebhookRegistration.Check"/>.</summary>
public abstract record WebhookRegistrationResult
{
    private WebhookRegistrationResult()
    {
    }

    public sealed record Allowed : WebhookRegistrationResult
    {
        public static Allowed Instance { get; } = new();
    }

    /// <summary>Another endpoint, <paramref name="OtherId"/>, already has this URL.</summary>
    public sealed record DuplicateUrl(string OtherId) : WebhookRegistrationResult;

    /// <summary>A new endpoint would be one more than the <paramref name="Cap"/> a host may have.</summary>
    public sealed record CapReached(int Cap) : WebhookRegistrationResult;
}
