using Schedly.Core.Scheduling;

namespace Schedly.Core.Hosts;

/// <summary>The public face of a host: what a client sees before booking. No email, no key, no bookings.</summary>
public sealed class GetHostProfile(IHostRepository hosts)
{
    /// <summary>The host and its active event types by slug, or null for an unknown host.</summary>
    public async Task<PublicHostProfile?> ExecuteAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return null;
        }

        var eventTypes = host.Value.Schedule.EventTypes
            .Where(e => e.Value.Active)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new NamedEventType(e.Key, e.Value))
            .ToList();
        return new PublicHostProfile(host.Value.Slug, host.Value.Profile, eventTypes) { Suspended = host.Value.Suspended, Photo = host.Value.Photo };
    }
}

/// <summary>A host as the public booking page sees it: the profile (the edge shows only its public parts) and active event types.</summary>
public sealed record PublicHostProfile(HostSlug Slug, HostProfile Profile, IReadOnlyList<NamedEventType> EventTypes)
{
    /// <summary>True when the operator suspended the host: its page takes no bookings and shows nothing else.</summary>
    public bool Suspended { get; init; }

    /// <summary>The host's uploaded photo, shown instead of the profile's image URL; null: none.</summary>
    public Photos.HostPhoto? Photo { get; init; }
}

/// <summary>An event type with the slug it is offered under.</summary>
public sealed record NamedEventType(string Slug, EventType Type);
