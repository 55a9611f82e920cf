using Schedly.Core.Validation;

namespace Schedly.Core.Locations;

/// <summary>
/// An event type's <c>location</c> as a client sent it: <c>{ kind, address | phone | url | baseUrl | text }</c>.
/// <c>inPerson</c> needs <c>address</c>, <c>custom</c> needs <c>text</c> (each 1–500 characters, line breaks allowed);
/// <c>phone</c> needs <c>phone</c> in E.164 (<see cref="PhoneRules"/>); <c>video</c> needs <c>url</c>, an absolute https
/// URL; <c>generatedVideo</c> may give <c>baseUrl</c> (absolute https, no query or fragment), else the configured
/// <see cref="LocationOptions.GeneratedVideoBaseUrl"/> serves. Fields other kinds use are ignored.
/// </summary>
public sealed record LocationDraft
{
    public string? Kind { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Url { get; init; }

    public string? BaseUrl { get; init; }

    public string? Text { get; init; }

    /// <summary>The location, or null with errors under <paramref name="field"/> (e.g. <c>location.phone</c>).</summary>
    public MeetingLocation? Validate(string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var kind = LocationKinds.Parse(Kind);
        if (kind is null)
        {
            errors.Add(field + ".kind", $"One of {string.Join(", ", LocationKinds.Names)}.");
            return null;
        }

        var value = kind.Value switch
        {
            LocationKind.InPerson => RequiredText(Address, field + ".address", errors),
            LocationKind.Custom => RequiredText(Text, field + ".text", errors),
            LocationKind.Phone => PhoneRules.Required(Phone, field + ".phone", errors),
            LocationKind.Video => UrlRules.Https(Url, field + ".url", isBase: false, errors),
            _ => BaseUrl is null ? "" : UrlRules.Https(BaseUrl, field + ".baseUrl", isBase: true, errors),
        };
        return value is null ? null : new MeetingLocation(kind.Value, value.Length == 0 ? null : value);
    }

    private static string? RequiredText(string? value, string field, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MeetingLocation.MaxTextLength || TextRules.HasForbiddenControlCharacters(text, multiLine: true))
        {
            errors.Add(field, $"Required: 1 to {MeetingLocation.MaxTextLength} characters without control characters.");
            return null;
        }

        return text;
    }
}
