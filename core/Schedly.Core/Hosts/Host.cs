using NodaTime;
using Schedly.Core.Security;

namespace Schedly.Core.Hosts;

/// <summary>A host as stored: its profile, the hash of its API key, its schedule and when it changed.</summary>
public sealed record Host(HostSlug Slug, HostProfile Profile, ApiKeyHash ApiKey, Instant CreatedAt, Instant UpdatedAt)
{
    public HostSchedule Schedule { get; init; } = HostSchedule.Empty;

    /// <summary>The id of the host's current API key (see <see cref="Security.ApiKey"/>); a rotated-out key's id no longer matches.</summary>
    public string ApiKeyId { get; init; } = "";

    /// <summary>Hash of the host's calendar-feed token, or null when no feed is issued (or it was revoked).</summary>
    public ApiKeyHash? FeedTokenHash { get; init; }
}
