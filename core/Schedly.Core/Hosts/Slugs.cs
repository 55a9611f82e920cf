namespace Schedly.Core.Hosts;

/// <summary>Slug rules shared by host and event-type names in URLs and storage keys.</summary>
public static class Slugs
{
    /// <summary>1–63 chars of a-z, 0-9 and single hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > HostSlug.MaxLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && value[i - 1] != '-')))
            {
                return false;
            }
        }

        return true;
    }
}
