namespace Schedly.Functions.Hosts;

/// <summary>Body of <c>PUT /api/admin/hosts/{host}</c>.</summary>
public sealed record HostRequest(string? Name, string? Email, string? TimeZone, string? Bio, string? ImageUrl, string? Locale, int? RetentionDays = null, IReadOnlyList<string?>? EmbedOrigins = null);
