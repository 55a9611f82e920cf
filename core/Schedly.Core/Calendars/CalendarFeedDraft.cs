using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Calendars;

/// <summary>
/// The body of <c>PUT /api/admin/hosts/{host}/calendars/{id}</c>: <c>{ name, url }</c>. The URL is required when
/// adding a feed and optional when editing one (kept: a rename needs no address).
/// </summary>
public sealed record CalendarFeedDraft
{
    public string? Name { get; init; }

    public string? Url { get; init; }

    /// <summary>True for 1 to 63 lowercase letters, digits and single hyphens (not at either end).</summary>
    public static bool IsValidId(string? id) => Slugs.IsValid(id);

    /// <summary>The problems by field (empty when valid), the trimmed name and the parsed address (null when kept).</summary>
    public ValidationErrors Validate(bool creating, bool allowLocal, out string name, out Uri? url)
    {
        var errors = new ValidationErrors();
        name = Name?.Trim() ?? "";
        url = null;
        if (name.Length is 0 or > CalendarFeed.MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add("name", $"1 to {CalendarFeed.MaxNameLength} characters, no control characters.");
        }

        var text = Url?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (creating)
            {
                errors.Add("url", "Required when adding a calendar: its secret iCalendar (.ics) address.");
            }

            return errors;
        }

        if (text.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase))
        {
            text = "https://" + text["webcal://".Length..];
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            errors.Add("url", $"An absolute https URL of at most {CalendarFeedAddress.MaxUrlLength} characters.");
        }
        else if (CalendarFeedAddress.CheckUrl(parsed, allowLocal) is { } problem)
        {
            errors.Add("url", problem);
        }
        else
        {
            url = parsed;
        }

        return errors;
    }
}
