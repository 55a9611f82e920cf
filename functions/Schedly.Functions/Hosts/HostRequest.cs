namespace Schedly.Functions.Hosts;

/// <summary>Body of <c>PUT /api/admin/hosts/{host}</c>.</summary>
public sealed record HostRequest(string? Name, string? Email, string? TimeZone, string? Bio, string? ImageUrl, string? Locale, int? RetentionDays = null, IReadOnlyList<string?>? EmbedOrigins = null)
{
    /// <summary>The profile as sent, for <see cref="Core.Hosts.UpsertHost"/> to validate.</summary>
    public Core.Hosts.HostProfileDraft ToDraft() =>
        new(Name, Email, TimeZone) { Bio = Bio, ImageUrl = ImageUrl, Locale = Locale, RetentionDays = RetentionDays, EmbedOrigins = EmbedOrigins };
}
