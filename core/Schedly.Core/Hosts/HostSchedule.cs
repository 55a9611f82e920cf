using Schedly.Core.Scheduling;

namespace Schedly.Core.Hosts;

/// <summary>
/// A host's availability and event types as validated models. Stored with the host (as a versioned storage
/// document, see the storage adapter) so that one point read gives everything the slot engine needs; drafts exist
/// only at the HTTP edge, so a rule tightened later never makes a stored schedule unreadable.
/// </summary>
public sealed record HostSchedule(Availability Availability, IReadOnlyDictionary<string, EventType> EventTypes)
{
    public static HostSchedule Empty { get; } = new(Availability.None, new Dictionary<string, EventType>(StringComparer.Ordinal));

    /// <summary>The event type with this slug, or null when there is none.</summary>
    public EventType? FindEventType(string slug) => EventTypes.GetValueOrDefault(slug);

    /// <summary>This schedule with <paramref name="type"/> under <paramref name="slug"/> (added or replaced).</summary>
    public HostSchedule WithEventType(string slug, EventType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentNullException.ThrowIfNull(type);
        var types = new Dictionary<string, EventType>(EventTypes, StringComparer.Ordinal) { [slug] = type };
        return this with { EventTypes = types };
    }
}
