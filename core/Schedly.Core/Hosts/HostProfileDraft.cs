using Schedly.Core.Validation;

namespace Schedly.Core.Hosts;

/// <summary>
/// A host profile as a client sent it, before validation: <c>bio</c> up to 2,000 characters (line breaks allowed),
/// <c>imageUrl</c> an absolute https URL (null: none), <c>locale</c> a BCP 47 tag (default <c>en</c>), <c>embedOrigins</c>
/// the sites allowed to embed the booking pages.
/// </summary>
public sealed record HostProfileDraft(string? Name, string? Email, string? TimeZone)
{
    public string? Bio { get; init; }

    public string? ImageUrl { get; init; }

    public string? Locale { get; init; }

    /// <summary>Origins allowed to frame the booking pages (<see cref="EmbedOriginRules"/>); null: none.</summary>
    public IReadOnlyList<string?>? EmbedOrigins { get; init; }

    /// <summary>Days to keep a past booking's personal fields (<see cref="HostProfile.RetentionDays"/>); null: the default.</summary>
    public int? RetentionDays { get; init; }

    public Validated<HostProfile> Validate()
    {
        var errors = new ValidationErrors();
        var name = TextRules.RequiredName(Name, "name", HostProfile.MaxNameLength, errors);
        var email = EmailAddressRules.Required(Email, "email", errors);
        var zone = TimeZoneRules.Required(TimeZone, "timeZone", errors);
        var bio = Bio?.Trim() ?? "";
        if (bio.Length > HostProfile.MaxBioLength || TextRules.HasForbiddenControlCharacters(bio, multiLine: true))
        {
            errors.Add("bio", $"At most {HostProfile.MaxBioLength} characters, without control characters.");
        }

        var image = ImageUrl is null ? null : UrlRules.Https(ImageUrl, "imageUrl", isBase: false, errors);
        var locale = LocaleRules.Optional(Locale, "locale", errors);
        var embedOrigins = EmbedOriginRules.Optional(EmbedOrigins, "embedOrigins", errors);
        if (RetentionDays is < HostProfile.MinRetentionDays or > HostProfile.MaxRetentionDays)
        {
            errors.Add("retentionDays", $"From {HostProfile.MinRetentionDays} to {HostProfile.MaxRetentionDays} days.");
        }

        return errors.IsEmpty
            ? Validated<HostProfile>.Valid(new HostProfile(name!, email!, zone!) { Bio = bio, ImageUrl = image is null ? null : new Uri(image), Locale = locale!, EmbedOrigins = embedOrigins!, RetentionDays = RetentionDays ?? HostProfile.DefaultRetentionDays })
            : Validated<HostProfile>.Invalid(errors);
    }
}
