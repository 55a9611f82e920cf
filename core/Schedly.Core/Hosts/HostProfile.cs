using NodaTime;

namespace Schedly.Core.Hosts;

/// <summary>
/// What a host tells about itself: a display name, a contact email and its home zone; for the booking pages a
/// <see cref="Bio"/> and an <see cref="ImageUrl"/>, and the <see cref="Locale"/> (BCP 47) its pages and emails speak.
/// </summary>
public sealed record HostProfile(string Name, string Email, DateTimeZone TimeZone)
{
    public const int MaxNameLength = 200;
    public const int MaxBioLength = 2000;

    public string Bio { get; init; } = "";

    /// <summary>An https image shown beside the name; null: none.</summary>
    public Uri? ImageUrl { get; init; }

    public string Locale { get; init; } = Validation.LocaleRules.Default;
}
