using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;

namespace Schedly.Functions.Admin;

/// <summary>A host's full configuration for its dashboard (<c>GET /api/admin/hosts/{host}</c>).</summary>
public sealed record AdminHostConfiguration(
    string Slug,
    string Name,
    string Email,
    string TimeZone,
    string CreatedAt,
    string UpdatedAt,
    AvailabilityDraft Availability,
    IReadOnlyDictionary<string, EventTypeDraft> EventTypes)
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
            host.Schedule.Availability,
            new SortedDictionary<string, EventTypeDraft>(host.Schedule.EventTypes.ToDictionary(), StringComparer.Ordinal));
    }
}
