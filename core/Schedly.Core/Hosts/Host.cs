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

    /// <summary>
    /// Sessions that began before this instant are no longer valid ("sign out everywhere"); null: every session that
    /// has not expired is.
    /// </summary>
    public Instant? SessionsValidFrom { get; init; }

    /// <summary>The photo the host uploaded (<see cref="Photos.HostPhotos"/>); null: none. It is shown instead of <see cref="HostProfile.ImageUrl"/>.</summary>
    public Photos.HostPhoto? Photo { get; init; }

    /// <summary>The host with <paramref name="photo"/> as its photo (null: none).</summary>
    public Host WithPhoto(Photos.HostPhoto? photo, Instant now) => this with { Photo = photo, UpdatedAt = now };

    /// <summary>A suspended host cannot sign in and its booking pages take no bookings (set by the operator).</summary>
    public bool Suspended { get; init; }

    /// <summary>The host suspended (or not) as of <paramref name="now"/>.</summary>
    public Host WithSuspension(bool suspended, Instant now) => this with { Suspended = suspended, UpdatedAt = now };

    /// <summary>The host with every session begun before <paramref name="now"/> revoked.</summary>
    public Host WithSessionsRevoked(Instant now) => this with { SessionsValidFrom = now, UpdatedAt = now };

    /// <summary>The host with <paramref name="key"/> as its only valid API key.</summary>
    public Host WithApiKey(ApiKey key, Instant now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { ApiKey = key.Hash, ApiKeyId = key.Id, UpdatedAt = now };
    }

    /// <summary>The host with <paramref name="schedule"/>.</summary>
    public Host WithSchedule(HostSchedule schedule, Instant now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return this with { Schedule = schedule, UpdatedAt = now };
    }
}
