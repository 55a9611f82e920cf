using Schedly.Core.Webhooks;

namespace Schedly.Functions.Webhooks;

/// <summary>A webhook endpoint as the admin API shows it: the secret masked (last four characters), never in full.</summary>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string Secret,
    bool Disabled,
    int? LastStatus,
    string? LastError,
    string? LastAttemptAt,
    string? LastSuccessAt,
    string? FailingSince,
    string CreatedAt,
    string UpdatedAt)
{
    public static WebhookResponse From(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new WebhookResponse(
            endpoint.Id,
            endpoint.Url.AbsoluteUri,
            endpoint.Events,
            endpoint.MaskedSecret,
            endpoint.Disabled,
            endpoint.LastStatus,
            endpoint.LastError,
            endpoint.LastAttemptAt?.ToString(),
            endpoint.LastSuccessAt?.ToString(),
            endpoint.FailingSince?.ToString(),
            endpoint.CreatedAt.ToString(),
            endpoint.UpdatedAt.ToString());
    }
}

/// <summary><c>GET /api/admin/hosts/{host}/webhooks</c>.</summary>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Webhooks);
