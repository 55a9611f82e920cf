using Schedly.Core.Hosts;
using Schedly.Functions.Hosts;

namespace Schedly.Functions.Admin;

/// <summary>A host's full configuration for its dashboard (<c>GET /api/admin/hosts/{host}</c>).</summary>
public sealed record AdminHostConfiguration(
    string Slug,
    string Name,
    string Email,
    string TimeZone,
    string CreatedAt,
    string UpdatedAt,
    AvailabilityResponse Availability,
    IReadOnlyDictionary<string, EventTypeResponse> EventTypes,
    string Bio,
    string? ImageUrl,
    string Locale,
    int RetentionDays,
    IReadOnlyList<string> EmbedOrigins,
    string? PhotoUrl)
{
    public static AdminHostConfiguration From(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new(
            host.Slug.Value,
            host.Profile.Name,
            host.Profile.Email,
            host.Profile.TimeZone.Id,
            host.CreatedAt.ToString(),
            host.UpdatedAt.ToString(),
            AvailabilityResponse.From(host.Schedule.Availability),
            new SortedDictionary<string, EventTypeResponse>(host.Schedule.EventTypes.ToDictionary(e => e.Key, e => EventTypeResponse.From(e.Value)), StringComparer.Ordinal),
            host.Profile.Bio,
            Hosts.Photos.PhotoAddress.ImageUrlOf(host),
            host.Profile.Locale,
            host.Profile.RetentionDays,
            host.Profile.EmbedOrigins,
            Hosts.Photos.PhotoAddress.PhotoUrlOf(host));
    }
}
