namespace Schedly.Core.Validation;

/// <summary>Checks for URLs people paste (video links, room servers, profile images).</summary>
public static class UrlRules
{
    public const int MaxLength = 500;

    /// <summary>
    /// An absolute https URL of at most 500 characters, without user info, and without query or fragment when
    /// <paramref name="isBase"/> (something is appended to it); returned normalised, or null with an error on <paramref name="field"/>.
    /// </summary>
    public static string? Https(string? value, string field, bool isBase, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || url.UserInfo.Length > 0 || url.HostNameType == UriHostNameType.Unknown || url.Host.Length == 0)
        {
            errors.Add(field, $"An absolute https URL of at most {MaxLength} characters.");
            return null;
        }

        if (isBase && (url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            errors.Add(field, "A base URL has no query or fragment: rooms are added as its last path segment.");
            return null;
        }

        return url.AbsoluteUri;
    }
}
