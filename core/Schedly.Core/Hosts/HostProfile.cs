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

    /// <summary>
    /// The sites (web origins) allowed to embed the host's booking pages in a frame (<c>/embed.js</c>); empty: none,
    /// the pages refuse framing by other sites (docs/PAGES.md, "Embedding").
    /// </summary>
    public IReadOnlyList<string> EmbedOrigins { get; init; } = [];

    /// <summary>The shortest retention a host may set, in days.</summary>
    public const int MinRetentionDays = 30;

    /// <summary>The longest retention a host may set, in days (ten years).</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>The retention of a host that set none: two years.</summary>
    public const int DefaultRetentionDays = 730;

    /// <summary>
    /// How long after a booking ended its client's personal fields (name, email, notes, answers) are kept; then
    /// housekeeping erases them as <see cref="Privacy.ErasePersonalData"/> does (docs/SECURITY.md, "Privacy").
    /// </summary>
    public int RetentionDays { get; init; } = DefaultRetentionDays;
}
