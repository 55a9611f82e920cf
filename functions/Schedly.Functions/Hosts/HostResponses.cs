using Schedly.Core.Hosts;

namespace Schedly.Functions.Hosts;

/// <summary>A host as the admin API returns it. <see cref="ApiKey"/> is set only on creation.</summary>
public sealed record AdminHostResponse(string Slug, string Name, string Email, string TimeZone, string CreatedAt, string UpdatedAt, string? ApiKey)
{
    public static AdminHostResponse From(Host host, string? apiKey = null) => new(
        host.Slug.Value,
        host.Profile.Name,
        host.Profile.Email,
        host.Profile.TimeZone.Id,
        host.CreatedAt.ToString(),
        host.UpdatedAt.ToString(),
        apiKey);
}
