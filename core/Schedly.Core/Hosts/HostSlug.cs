using System.Diagnostics.CodeAnalysis;

namespace Schedly.Core.Hosts;

/// <summary>
/// The URL name of a host: 1 to 63 characters of lowercase ASCII letters, digits and single
/// hyphens, starting and ending with a letter or digit (as in <c>ada-lovelace</c>). It is the
/// host's Table Storage partition key, so it never contains characters those keys forbid. <c>team</c> is
/// not a host's name: <c>/book/team/…</c> are the team booking pages.
/// </summary>
public sealed record HostSlug
{
    public const int MaxLength = 63;

    private HostSlug(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, [NotNullWhen(true)] out HostSlug? slug)
    {
        slug = IsValid(value) ? new HostSlug(value!) : null;
        return slug is not null;
    }

    public static HostSlug Parse(string value) =>
        TryParse(value, out var slug) ? slug : throw new FormatException($"'{value}' is not a valid host slug.");

    /// <summary>The name a host cannot take: the booking pages' path segment for teams.</summary>
    public const string TeamPages = "team";

    public static string Rule => "1 to 63 lowercase letters, digits and single hyphens, not starting or ending with a hyphen, and not 'team'.";

    private static bool IsValid(string? value) => Slugs.IsValid(value) && value != TeamPages;

    public override string ToString() => Value;
}
