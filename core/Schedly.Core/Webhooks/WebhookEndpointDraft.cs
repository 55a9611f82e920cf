using Schedly.Core.Validation;

namespace Schedly.Core.Webhooks;

/// <summary>
/// The body of <c>PUT /api/admin/hosts/{host}/webhooks/{id}</c>: <c>{ url, events, secret }</c>. The secret (32 to 256
/// characters, no spaces or control characters) is required when creating and optional when replacing (kept).
/// </summary>
public sealed record WebhookEndpointDraft
{
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 256;
    public const int MaxUrlLength = 2048;

    public string? Url { get; init; }

    public IReadOnlyList<string>? Events { get; init; }

    public string? Secret { get; init; }

    /// <summary>True for 1 to 63 lowercase letters, digits and single hyphens (not at either end).</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 63 && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal)
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>The problems, by field; empty when valid.</summary>
    public ValidationErrors Validate(bool creating, bool allowPrivateAddresses, out Uri? url)
    {
        var errors = new ValidationErrors();
        url = null;
        if (string.IsNullOrWhiteSpace(Url) || Url.Length > MaxUrlLength || !Uri.TryCreate(Url.Trim(), UriKind.Absolute, out var parsed))
        {
            errors.Add("url", $"An absolute https URL of at most {MaxUrlLength} characters.");
        }
        else if (WebhookAddressGuard.CheckUrl(parsed, allowPrivateAddresses) is { } problem)
        {
            errors.Add("url", problem);
        }
        else
        {
            url = parsed;
        }

        if (Events is null || Events.Count == 0)
        {
            errors.Add("events", "At least one of: " + string.Join(", ", WebhookEvents.All) + ".");
        }
        else if (Events.Any(e => !WebhookEvents.All.Contains(e, StringComparer.Ordinal)))
        {
            errors.Add("events", "Each must be one of: " + string.Join(", ", WebhookEvents.All) + ".");
        }
        else if (Events.Distinct(StringComparer.Ordinal).Count() != Events.Count)
        {
            errors.Add("events", "Each event type at most once.");
        }

        if (Secret is null)
        {
            if (creating)
            {
                errors.Add("secret", $"Required when creating: {MinSecretLength} to {MaxSecretLength} characters of randomness.");
            }
        }
        else if (Secret.Length is < MinSecretLength or > MaxSecretLength || Secret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("secret", $"{MinSecretLength} to {MaxSecretLength} characters without spaces or control characters.");
        }

        return errors;
    }
}
